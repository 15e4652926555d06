import { Type, type Static } from 'typebox';
import { MemberStateCode, SurveyId, Timestamp, VersionNumber } from '../http/schemas.js';

/** Request and response shapes of the responses routes (API.md, "Responses"). */

export const ResponsesParams = Type.Object({ surveyId: SurveyId, version: VersionNumber });
export const ResponseParams = Type.Object({ surveyId: SurveyId, version: VersionNumber, state: MemberStateCode });
export const RevisionParams = Type.Object({ surveyId: SurveyId, version: VersionNumber, state: MemberStateCode, revision: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const Uuid = Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });
export const CommentParams = Type.Object({ surveyId: SurveyId, version: VersionNumber, state: MemberStateCode, id: Uuid });

const Status = Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('returned'), Type.Literal('accepted')]);
export const ShownStatus = Type.Union([Type.Literal('not_started'), Status]);
export type ShownStatus = Static<typeof ShownStatus>;
const Kind = Type.Union([Type.Literal('save'), Type.Literal('submit'), Type.Literal('return'), Type.Literal('accept'), Type.Literal('reopen')]);
const Answers = Type.Object({}, { additionalProperties: true, description: 'Question name → answer, as SurveyJS keeps it in model.data' });
const MaybeTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Share = Type.Number({ minimum: 0, maximum: 1, description: 'Share of the (required) questions answered, 3 decimals' });
/** Generous bounds on the shape; the real rules (1–5000 characters, not blank) answer 422. */
const Text = Type.String({ maxLength: 20_000 });

export const ResponseSummary = Type.Object({
  memberState: Type.String(),
  status: ShownStatus,
  revision: Type.Integer(),
  progress: Share,
  updatedAt: MaybeTimestamp,
  submittedAt: MaybeTimestamp,
  memberStateName: Type.String(),
  updatedBy: Type.Union([Type.String(), Type.Null()], { description: 'Who made the latest change' }),
  openComments: Type.Integer({ description: 'Unresolved review comments' }),
});
export type ResponseSummary = Static<typeof ResponseSummary>;

export const ResponseDetail = Type.Object({
  memberState: Type.String(),
  memberStateName: Type.String(),
  status: ShownStatus,
  revision: Type.Integer(),
  data: Answers,
  updatedAt: MaybeTimestamp,
  submittedAt: MaybeTimestamp,
  progress: Share,
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type ResponseDetail = Static<typeof ResponseDetail>;

export const SaveBody = Type.Object(
  {
    baseRevision: Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'The revision the editor started from (0 for a new response)' }),
    set: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { maxProperties: 2000, description: 'Answers to set: question → value' })),
    unset: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 2000, description: 'Questions whose answers to remove' })),
  },
  { additionalProperties: false },
);

export const SaveResult = Type.Object({
  revision: Type.Integer(),
  status: ShownStatus,
  mergedFrom: Type.Optional(Type.Integer({ description: 'Present when the change was merged onto a revision newer than baseRevision' })),
});
export type SaveResult = Static<typeof SaveResult>;

export const SubmitBody = Type.Object({ revision: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }) }, { additionalProperties: false });
export const ReturnBody = Type.Object({ message: Text }, { additionalProperties: false });
export const ReopenBody = Type.Object({ reason: Text }, { additionalProperties: false });
export const TransitionResult = Type.Object({ revision: Type.Integer(), status: Status });
export type TransitionResult = Static<typeof TransitionResult>;

export const RevisionSummary = Type.Object({
  revision: Type.Integer(),
  kind: Kind,
  status: Status,
  author: Type.String(),
  at: Timestamp,
  changed: Type.Array(Type.String()),
});
export const RevisionData = Type.Object({ revision: Type.Integer(), kind: Kind, status: Status, data: Answers });

export const PrefillResult = Type.Object({
  fromVersion: Type.Integer({ description: 'The earlier version the answers come from' }),
  fromRevision: Type.Integer({ description: 'The revision of that version’s response they were read at' }),
  fromStatus: Status,
  data: Answers,
  dropped: Type.Array(Type.Object({ question: Type.String(), reason: Type.String() }), {
    description: 'Answers not carried forward (data keys of the earlier version), each with the reason',
  }),
});

export const Comment = Type.Object({
  id: Type.String(),
  question: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  author: Type.String(),
  at: Timestamp,
  resolvedAt: MaybeTimestamp,
  replyTo: Type.Union([Type.String(), Type.Null()]),
  resolvedBy: Type.Union([Type.String(), Type.Null()]),
});

export const CommentBody = Type.Object(
  {
    // Null first: with the app's type coercion a string branch first would turn null into "".
    question: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 300 })], { description: 'A question name, or <panel>.<entry>.<field> for a question in an entry of a dynamic panel (entries from 1, as the CSV columns); absent or null for the whole response' })),
    body: Text,
    replyTo: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export const ResolveBody = Type.Object({ resolved: Type.Boolean() }, { additionalProperties: false });
