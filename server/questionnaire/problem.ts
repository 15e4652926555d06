/**
 * One thing wrong with an answer set, as the API reports it (`details: [{ question, message }]`).
 * `question` is always a top-level data key — a question name or its `-Comment` key — so the
 * client can link the message to the question the delegate sees; where inside the question the
 * problem sits (panel, row, column) is part of the message.
 */
export type Problem = { readonly question: string; readonly message: string };
