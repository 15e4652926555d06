import { Type } from 'typebox';
import { Timestamp } from '../http/schemas.js';
import { Share, ShownStatus } from '../responses/schemas.js';

/** Shapes of the review board route (an extension of API.md, documented at /api/docs). */

const Count = Type.Integer({ minimum: 0 });

export const BoardRow = Type.Object({
  memberState: Type.String(),
  memberStateName: Type.String(),
  memberStateActive: Type.Boolean({ description: 'False for an inactive state, listed only because it has a reply' }),
  status: ShownStatus,
  revision: Type.Integer({ minimum: 0 }),
  progress: Share,
  openComments: Type.Integer({ minimum: 0, description: 'Unresolved review comments, replies included, as GET …/responses counts them' }),
  lastActivity: Type.Union(
    [Type.Object({ at: Timestamp, by: Type.String({ description: 'Author of the latest revision' }) }), Type.Null()],
    { description: 'The latest revision: a save, submission or review step; null without a reply' },
  ),
  submittedAt: Type.Union([Timestamp, Type.Null()]),
  daysSinceSubmission: Type.Union([Count, Type.Null()], { description: 'Whole days since submittedAt while the reply is submitted; null otherwise' }),
  resubmitted: Type.Boolean({ description: 'Submitted again after it was returned (or reopened)' }),
});

export const BoardSummary = Type.Object({
  accepted: Count,
  submitted: Count,
  returned: Count,
  draft: Count,
  notStarted: Count,
});

export const ReviewBoard = Type.Object({
  surveyId: Type.String(),
  version: Type.Integer(),
  rows: Type.Array(BoardRow),
  summary: BoardSummary,
});
