import { Type } from 'typebox';
import { Timestamp } from '../http/schemas.js';

/** Shapes of a reply's history routes (extensions of API.md's revisions, documented at /api/docs). */

const Status = Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('returned'), Type.Literal('accepted')]);
const Kind = Type.Union([Type.Literal('save'), Type.Literal('submit'), Type.Literal('return'), Type.Literal('accept'), Type.Literal('reopen')]);
const Count = Type.Integer({ minimum: 0 });
const RevisionNumber = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Words = Type.Union([Type.String(), Type.Null()], { description: 'The answer in the questionnaire’s words; null when unanswered' });

export const PagingQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1, description: 'Page number, from 1' }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Items a page (1–100)' }),
  },
  { additionalProperties: false },
);

const Paged = {
  page: Type.Integer(),
  pageSize: Type.Integer(),
  totalItems: Count,
  totalPages: Count,
};

const Session = Type.Object(
  {
    type: Type.Literal('session'),
    author: Type.String(),
    from: Timestamp,
    to: Timestamp,
    firstRevision: RevisionNumber,
    lastRevision: RevisionNumber,
    saves: Type.Integer({ minimum: 1 }),
    questions: Type.Array(Type.Object({ question: Type.String(), title: Type.String() }), { description: 'Every question the saves changed, in questionnaire order' }),
  },
  { description: 'Consecutive saves by one person: no status change between them and no pause over 30 minutes' },
);

const Milestone = Type.Object(
  {
    type: Type.Literal('milestone'),
    revision: RevisionNumber,
    kind: Type.Union([Type.Literal('submit'), Type.Literal('return'), Type.Literal('accept'), Type.Literal('reopen')]),
    status: Status,
    author: Type.String(),
    at: Timestamp,
  },
  { description: 'A status change: submitted, returned, accepted or reopened' },
);

export const HistoryPage = Type.Object({
  ...Paged,
  items: Type.Array(Type.Union([Session, Milestone]), { description: 'Newest first' }),
  totalRevisions: Count,
  totalSessions: Count,
  latestRevision: Type.Integer({ minimum: 0, description: '0 without any revision' }),
  lastSubmitted: Type.Union([RevisionNumber, Type.Null()], { description: 'The latest submit revision, for "since it was last submitted"' }),
  lastReturned: Type.Union([RevisionNumber, Type.Null()], { description: 'The latest return revision, for "since it was returned"' }),
});

export const CompareQuery = Type.Object(
  {
    from: Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'The earlier revision; 0 for before the first one' }),
    to: RevisionNumber,
    all: Type.Boolean({ default: false, description: 'Every question, changed or not (default: only the changed ones)' }),
  },
  { additionalProperties: false },
);

const RevisionInfo = Type.Object({ revision: RevisionNumber, kind: Kind, status: Status, author: Type.String(), at: Timestamp });

const Side = Type.Object({
  value: Type.Unknown({ description: 'The stored answer (null when unanswered), as in model.data' }),
  comment: Type.Optional(Type.Unknown({ description: 'The "other" or comment text kept under question-Comment' })),
  text: Words,
});

const QuestionDiff = Type.Object({
  question: Type.String(),
  title: Type.String(),
  section: Type.String(),
  sectionTitle: Type.String(),
  changed: Type.Boolean(),
  old: Side,
  new: Side,
  parts: Type.Array(
    Type.Object({
      label: Type.Union([Type.String(), Type.Null()], { description: 'A matrix row ("row"), a cell ("row — column"), an item, an entry ("Entry 2: Name"); null for the answer itself' }),
      old: Words,
      new: Words,
      changed: Type.Boolean(),
      entry: Type.Optional(Type.Union([Type.Literal('added'), Type.Literal('removed')], { description: 'A dynamic-panel entry only one side has' })),
    }),
    { description: 'Every part either side answers; the unchanged ones are context' },
  ),
});

export const Comparison = Type.Object({
  from: Type.Union([RevisionInfo, Type.Null()], { description: 'null for revision 0 (before the first)' }),
  to: RevisionInfo,
  changedCount: Count,
  questions: Type.Array(QuestionDiff, { description: 'In questionnaire order' }),
});

const AuditLine = Type.Object({
  revision: RevisionNumber,
  at: Timestamp,
  author: Type.String(),
  kind: Kind,
  status: Status,
  question: Type.Union([Type.String(), Type.Null()], { description: 'null on a status change' }),
  questionTitle: Type.Union([Type.String(), Type.Null()]),
  part: Type.Union([Type.String(), Type.Null()]),
  old: Type.Union([Type.String(), Type.Null()], { description: 'In words; on a status change, the status before' }),
  new: Type.Union([Type.String(), Type.Null()], { description: 'In words; on a status change, the status after' }),
});

export const AuditQuery = Type.Object(
  {
    before: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Only revisions before this one (the nextBefore of the page before); the newest without it' })),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Revisions a page (1–100); a revision has a line per changed part' }),
  },
  { additionalProperties: false },
);

export const AuditPage = Type.Object({
  pageSize: Type.Integer(),
  items: Type.Array(AuditLine, { description: 'Newest first: the lines of up to pageSize revisions' }),
  totalRevisions: Count,
  newestRevision: Type.Integer({ minimum: 0, description: '0 without any revision' }),
  nextBefore: Type.Union([RevisionNumber, Type.Null()], { description: 'The before of the next, older page; null on the last page' }),
});
