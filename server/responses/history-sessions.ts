import type { ResponseStatus, RevisionKind } from '../db/schema.js';

/**
 * A reply's history as a person tells it (issue 11, item 6): autosaves write a revision every
 * few seconds, so one sitting at the questionnaire makes dozens. Consecutive saves become one
 * editing session when they are by the same person, with no status change between them and no
 * pause longer than SESSION_GAP_MS between one save and the next; every submit, return, accept
 * and reopen is a milestone of its own. One pass over the revisions, oldest first; no I/O.
 */

/** Thirty minutes: longer than a coffee break in the middle of a section, shorter than a lunch. */
export const SESSION_GAP_MS = 30 * 60 * 1000;

export type HistoryRevision = {
  readonly revision: number;
  readonly kind: RevisionKind;
  readonly status: ResponseStatus;
  /** The user's id; null once the user is deleted, when the name tells people apart. */
  readonly author: string | null;
  readonly authorName: string;
  readonly at: Date;
  readonly changed: readonly string[];
};

export type EditingSession = {
  readonly type: 'session';
  readonly author: string;
  readonly from: Date;
  readonly to: Date;
  readonly firstRevision: number;
  readonly lastRevision: number;
  readonly saves: number;
  /** The union of the questions the saves changed, in questionnaire order. */
  readonly questions: readonly string[];
};

export type Milestone = {
  readonly type: 'milestone';
  readonly revision: number;
  readonly kind: Exclude<RevisionKind, 'save'>;
  readonly status: ResponseStatus;
  readonly author: string;
  readonly at: Date;
};

export type HistoryItem = EditingSession | Milestone;

/**
 * Sessions and milestones, oldest first. `order` ranks question names (questionnaire order);
 * a name it does not rank goes after the ranked ones, by name.
 */
export function editingSessions(revisions: Iterable<HistoryRevision>, order: ReadonlyMap<string, number>): HistoryItem[] {
  const items: HistoryItem[] = [];
  // Widened by `as`: the closure below assigns it, which narrowing from `= null` would not see.
  let open = null as OpenSession | null;
  const close = () => {
    if (open) items.push(session(open, order));
    open = null;
  };
  for (const revision of revisions) {
    if (revision.kind !== 'save') {
      close();
      items.push({ type: 'milestone', revision: revision.revision, kind: revision.kind, status: revision.status, author: revision.authorName, at: revision.at });
      continue;
    }
    const current = open;
    if (current && sameAuthor(current, revision) && revision.at.getTime() - current.to.getTime() <= SESSION_GAP_MS) {
      current.to = revision.at;
      current.last = revision.revision;
      current.saves += 1;
      for (const question of revision.changed) current.questions.add(question);
      continue;
    }
    close();
    open = {
      author: revision.author,
      authorName: revision.authorName,
      from: revision.at,
      to: revision.at,
      first: revision.revision,
      last: revision.revision,
      saves: 1,
      questions: new Set(revision.changed),
    };
  }
  close();
  return items;
}

type OpenSession = { author: string | null; authorName: string; from: Date; to: Date; first: number; last: number; saves: number; questions: Set<string> };

function sameAuthor(open: OpenSession, revision: HistoryRevision): boolean {
  if (open.author !== null || revision.author !== null) return open.author === revision.author;
  return open.authorName === revision.authorName;
}

function session(open: OpenSession, order: ReadonlyMap<string, number>): EditingSession {
  const rank = (question: string) => order.get(question) ?? Number.MAX_SAFE_INTEGER;
  const questions = [...open.questions].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return { type: 'session', author: open.authorName, from: open.from, to: open.to, firstRevision: open.first, lastRevision: open.last, saves: open.saves, questions };
}
