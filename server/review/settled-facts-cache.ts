/** What the board shows of a reply that its revision settles: computed once per revision. */
export interface SettledFacts {
  readonly revision: number;
  readonly progress: number;
  readonly lastActivity: { readonly at: Date; readonly by: string } | null;
  /** Had been returned (or reopened) before this revision. */
  readonly returnedBefore: boolean;
}

/**
 * Per questionnaire version and response id, the facts of the reply's revision the board last
 * read. They can never be stale: a reply's answers and history up to a revision never change
 * (every change makes a new revision), and neither does a version's questionnaire. One entry per
 * reply that exists, replaced as it moves on, so it grows only with the replies themselves.
 */
export function createSettledFactsCache() {
  const byVersion = new Map<string, Map<string, SettledFacts>>();
  const versionKey = (surveyId: string, version: number) => `${version}/${surveyId}`;

  /** A copy of what is known for the version, to read a board against while other reads add to it. */
  function snapshot(surveyId: string, version: number): ReadonlyMap<string, SettledFacts> {
    return new Map(byVersion.get(versionKey(surveyId, version)));
  }

  function remember(surveyId: string, version: number, responseId: string, facts: SettledFacts): void {
    const key = versionKey(surveyId, version);
    let entries = byVersion.get(key);
    if (!entries) byVersion.set(key, (entries = new Map()));
    const current = entries.get(responseId);
    // Two boards read at once may finish in either order: keep the later revision.
    if (!current || current.revision < facts.revision) entries.set(responseId, facts);
  }

  return { snapshot, remember };
}
