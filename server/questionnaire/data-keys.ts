/**
 * How a response's data is keyed, the convention survey-core sets: each question's answer under
 * its name, and its "other" text or comment area under the name plus COMMENT_SUFFIX. The one
 * home of that convention for the server and the client (which imports it as `@core/data-keys`);
 * no dependency, so the client can import it without survey-core. A test holds the suffix to
 * survey-core's `settings.commentSuffix`.
 */
export const COMMENT_SUFFIX = '-Comment';

/** The key survey-core keeps the "other" text and the comment area of `question` under. */
export function commentKey(question: string): string {
  return `${question}${COMMENT_SUFFIX}`;
}

/** `key` without the comment suffix, or undefined when it has none. */
export function commentOwner(key: string): string | undefined {
  return key.endsWith(COMMENT_SUFFIX) ? key.slice(0, -COMMENT_SUFFIX.length) : undefined;
}

/**
 * The question a data key belongs to: `q-Comment` → `q` when `q` is a question (`isQuestion`),
 * else the key itself (a question may be named `x-Comment`).
 */
export function questionOfKey(key: string, isQuestion: (name: string) => boolean): string {
  const owner = commentOwner(key);
  return owner !== undefined && isQuestion(owner) ? owner : key;
}

/** The data keys of a questionnaire version, as compileQuestionnaire exposes them. */
export interface DataKeys {
  /** Every key a response's data may hold: question names and their comment keys. */
  readonly all: ReadonlySet<string>;
  /** The question a data key belongs to: `q-Comment` → `q`. */
  questionOf(key: string): string;
  /** The key of the question's "other" text or comment. */
  commentKeyOf(question: string): string;
}

export function dataKeysOf(keys: Iterable<string>): DataKeys {
  const all: ReadonlySet<string> = new Set(keys);
  return {
    all,
    questionOf: (key) => questionOfKey(key, (name) => all.has(name)),
    commentKeyOf: commentKey,
  };
}
