import type { AnswerDiffer } from '../questionnaire/answer-diff.js';
import type { ResponseStatus, RevisionKind } from '../db/schema.js';
import { applyChange, type Change } from './merge.js';

/**
 * The audit of a reply (issue 11, item 7): every change, one line per changed part of a
 * question — revision, who, when, the question's name and title, the part, the old and the new
 * answer in words — and a line per status change, whose old and new values are the statuses.
 * The data at each revision is rebuilt as GET …/revisions/{n} rebuilds it (snapshots and the
 * changes after them, see revision-snapshots.ts), in one pass over the revisions it needs.
 */

export type StoredAuditRevision = {
  readonly revision: number;
  readonly kind: RevisionKind;
  readonly status: ResponseStatus;
  readonly authorName: string;
  readonly at: Date;
  readonly changed: readonly string[];
  readonly data: Readonly<Record<string, unknown>> | null;
  readonly change: Change | null;
};

export type AuditLine = {
  readonly revision: number;
  readonly at: Date;
  readonly author: string;
  readonly kind: RevisionKind;
  /** The reply's status after the revision. */
  readonly status: ResponseStatus;
  /** The question's name; null on a status change. */
  readonly question: string | null;
  readonly questionTitle: string | null;
  /** The part of the question ("Entry 2: Name", "Police"); null for the answer as a whole. */
  readonly part: string | null;
  /** In words; null is unanswered. A status change has the statuses here. */
  readonly old: string | null;
  readonly new: string | null;
};

/**
 * Reads revisions one at a time, oldest first, the first one a snapshot, and answers each with
 * its lines: the data before it is all it keeps, so a reply's thousands of revisions can be
 * read in batches. The first revision's status change has no old status unless it is revision 1.
 */
export function auditReader(differ: AnswerDiffer): (revision: StoredAuditRevision) => AuditLine[] {
  let data: Record<string, unknown> = {};
  let status: ResponseStatus | null = null;
  return (revision) => {
    const lines: AuditLine[] = [];
    const before = data;
    if (revision.data !== null) data = { ...revision.data };
    else if (revision.change !== null) data = applyChange(data, revision.change);
    else throw new Error(`revision ${revision.revision} can be rebuilt neither from a snapshot nor from a change`);
    const common = { revision: revision.revision, at: revision.at, author: revision.authorName, kind: revision.kind, status: revision.status };
    if (revision.kind !== 'save') {
      lines.push({ ...common, question: null, questionTitle: null, part: null, old: status, new: revision.status });
    } else if (revision.changed.length > 0) {
      for (const diff of differ.diff(before, data, { questions: new Set(revision.changed) })) {
        for (const part of diff.parts) {
          if (part.changed) lines.push({ ...common, question: diff.question, questionTitle: diff.title, part: part.label, old: part.old, new: part.new });
        }
      }
    }
    status = revision.status;
    return lines;
  };
}
