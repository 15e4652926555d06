import { Type, type Static } from 'typebox';
import { ANALYSIS_QUERY_PROPERTIES } from '../analysis-filter.js';
import { RoundsQuery } from '../schemas.js';

/** Query strings of the downloads (docs/analysis-api.md, Downloads): the shared filter, and what each file adds. */

const Values = (fallback: 'codes' | 'labels') =>
  Type.Optional(Type.Union([Type.Literal('codes'), Type.Literal('labels')], { description: `codes: the wide CSV's codes; labels: what a reader sees. Default ${fallback}.` }));

export const ResponsesCsvQuery = Type.Object(
  {
    ...ANALYSIS_QUERY_PROPERTIES,
    layout: Type.Optional(Type.Union([Type.Literal('wide'), Type.Literal('long')], { description: 'wide: a line per reply; long: a line per answered variable. Default wide.' })),
    values: Values('codes'),
  },
  { additionalProperties: false },
);
export type ResponsesCsvQuery = Static<typeof ResponsesCsvQuery>;

export const ComparisonCsvQuery = Type.Object({ ...ANALYSIS_QUERY_PROPERTIES, values: Values('labels') }, { additionalProperties: false });
export type ComparisonCsvQuery = Static<typeof ComparisonCsvQuery>;

const { personal: _personal, ...countsProperties } = ANALYSIS_QUERY_PROPERTIES;
/** Counts of choices: personal data has no place in them, so there is no `personal`. */
export const SummaryCsvQuery = Type.Object(countsProperties, { additionalProperties: false });

export const CodebookCsvQuery = Type.Object({ locale: ANALYSIS_QUERY_PROPERTIES.locale }, { additionalProperties: false });

export const WorkbookQuery = Type.Object(
  { status: ANALYSIS_QUERY_PROPERTIES.status, locale: ANALYSIS_QUERY_PROPERTIES.locale, personal: ANALYSIS_QUERY_PROPERTIES.personal, for: ANALYSIS_QUERY_PROPERTIES.for },
  { additionalProperties: false },
);

export const RoundsCsvQuery = Type.Object({ ...RoundsQuery.properties, values: Values('codes') }, { additionalProperties: false });
export type RoundsCsvQuery = Static<typeof RoundsCsvQuery>;
