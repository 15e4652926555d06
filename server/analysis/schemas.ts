import { Type } from 'typebox';
import { MemberStateCode, SurveyId, Timestamp, VersionNumber } from '../http/schemas.js';
import { ANALYSIS_QUERY_PROPERTIES } from './analysis-filter.js';

/** Request and response schemas of the analysis routes (docs/analysis-api.md). */

/** Arrays the service returns as readonly. */
const List = <T extends Parameters<typeof Type.Array>[0]>(schema: T, options?: Parameters<typeof Type.Array>[1]) => Type.Immutable(Type.Array(schema, options));

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const ChoiceValue = Type.Union([Type.String(), Type.Number()]);
const CellValue = Type.Union([Type.String(), Type.Number(), Type.Null()], {
  description: 'The wide CSV’s code: a number for number, count and rank variables, 1/0 for booleans and checkbox ticks, the choice’s own value for a choice; null when unanswered',
});
const ResponseStatus = Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('returned'), Type.Literal('accepted')]);
const Consent = Nullable(Type.Union([Type.Literal('as_received'), Type.Literal('anonymised'), Type.Literal('not_for_publication')]));
const Audience = Type.Union([Type.Literal('analysis'), Type.Literal('publication')]);

const Column = Type.Object({
  key: Type.String(),
  question: Type.String(),
  title: Type.String(),
  section: Type.String(),
  type: Type.String(),
  questionType: Type.String(),
});

const Cell = Type.Object({ key: Type.String(), value: CellValue, label: Nullable(Type.String()) });

const Counts = List(Type.Object({ value: ChoiceValue, label: Type.String(), count: Type.Integer() }));

const Summary = Type.Object({
  question: Type.String(),
  variable: Type.String(),
  title: Type.String(),
  answered: Type.Integer(),
  counts: Counts,
});

const Table = Nullable(
  Type.Object({
    id: Type.String(),
    title: Type.String(),
    description: Nullable(Type.String()),
    missingQuestions: List(Type.String(), { description: 'The table’s questions this version does not ask' }),
  }),
);

export const VersionParams = Type.Object({ surveyId: SurveyId, version: VersionNumber });

export const ComparisonQuery = Type.Object(ANALYSIS_QUERY_PROPERTIES, { additionalProperties: false });

export const ComparisonResult = Type.Object({
  columns: List(Column),
  rows: List(
    Type.Object({
      memberState: Type.String({ description: 'The code, or for publication an anonymised state’s alias (State A)' }),
      memberStateName: Type.String(),
      status: ResponseStatus,
      publication: Consent,
      cells: List(Cell),
    }),
  ),
  summaries: List(Summary),
  table: Table,
  counted: Type.Integer({ description: 'Replies that count (whole, also for publication: a count names no state)' }),
  activeStates: Type.Integer(),
  notCounted: List(
    Type.Object({
      memberState: Type.String(),
      memberStateName: Type.String(),
      status: Type.Union([ResponseStatus, Type.Literal('not_started')]),
    }),
    { description: 'Active member states without a counted reply' },
  ),
  for: Audience,
});

export const RoundsParams = Type.Object({ surveyId: SurveyId });

export const RoundsQuery = Type.Object(
  {
    from: VersionNumber,
    to: VersionNumber,
    status: ANALYSIS_QUERY_PROPERTIES.status,
    questions: Type.Optional(Type.String({ maxLength: 10000, description: 'Comma list of question names as the `to` version names them' })),
    table: ANALYSIS_QUERY_PROPERTIES.table,
    locale: ANALYSIS_QUERY_PROPERTIES.locale,
    personal: ANALYSIS_QUERY_PROPERTIES.personal,
    for: ANALYSIS_QUERY_PROPERTIES.for,
  },
  { additionalProperties: false },
);

const Ref = Type.Object({ key: Type.String(), question: Type.String() });
/** A variable of two rounds is headed as a comparison's column. */
const VariableHead = Column.properties;
const RoundSide = Nullable(Type.Object({ value: CellValue, label: Nullable(Type.String()) }));
const Tally = Nullable(Type.Object({ answered: Type.Integer(), counts: Counts }));

export const RoundsResult = Type.Object({
  from: Type.Object({ version: Type.Integer(), title: Type.String() }),
  to: Type.Object({ version: Type.Integer(), title: Type.String() }),
  variables: List(
    Type.Union([
      Type.Object({
        kind: Type.Literal('paired'),
        ...VariableHead,
        from: Ref,
        to: Ref,
        renamed: Type.Boolean(),
        recoded: Type.Boolean(),
        changedStates: Type.Integer(),
      }),
      Type.Object({ kind: Type.Literal('dropped'), ...VariableHead, from: Ref }),
      Type.Object({ kind: Type.Literal('added'), ...VariableHead, to: Ref }),
    ]),
  ),
  rows: List(
    Type.Object({
      memberState: Type.String(),
      memberStateName: Type.String(),
      from: Nullable(Type.Object({ status: ResponseStatus })),
      to: Nullable(Type.Object({ status: ResponseStatus })),
      publication: Consent,
      cells: List(
        Type.Object({
          key: Type.String(),
          from: RoundSide,
          to: RoundSide,
          changed: Type.Boolean(),
        }),
      ),
    }),
  ),
  summaries: List(
    Type.Object({
      key: Type.String(),
      question: Type.String(),
      title: Type.String(),
      kind: Type.Union([Type.Literal('paired'), Type.Literal('dropped'), Type.Literal('added')]),
      from: Tally,
      to: Tally,
    }),
  ),
  table: Table,
  for: Audience,
});

export const ProfileParams = Type.Object({ surveyId: SurveyId, state: MemberStateCode });

export const ProfileQuery = Type.Object(
  { status: ANALYSIS_QUERY_PROPERTIES.status, locale: ANALYSIS_QUERY_PROPERTIES.locale },
  { additionalProperties: false },
);

export const ProfileResult = Type.Object({
  memberState: Type.String(),
  memberStateName: Type.String(),
  rounds: List(
    Type.Object({
      version: Type.Integer(),
      title: Type.String(),
      status: Nullable(ResponseStatus),
      submittedAt: Nullable(Timestamp),
    }),
  ),
  sections: List(
    Type.Object({
      section: Type.String(),
      title: Type.String(),
      questions: List(
        Type.Object({
          key: Type.String(),
          question: Type.String(),
          title: Type.String(),
          answers: List(
            Type.Object({
              version: Type.Integer(),
              label: Nullable(Type.String()),
              asked: Type.Boolean({ description: 'Whether that round’s questionnaire asks it' }),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const CodebookQuery = Type.Object({ locale: ANALYSIS_QUERY_PROPERTIES.locale }, { additionalProperties: false });

export const CodebookResult = Type.Object({
  variables: List(
    Type.Object({
      key: Type.String(),
      question: Type.String(),
      section: Type.String(),
      sectionTitle: Type.String(),
      type: Type.String(),
      questionType: Type.String(),
      title: Type.String(),
      personalData: Type.Boolean(),
      choices: List(Type.Object({ value: ChoiceValue, label: Type.String() })),
    }),
  ),
});
