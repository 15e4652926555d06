import type { Catalogue } from '../../questionnaire/index.js';
import { consentQuestion } from '../../questionnaire/index.js';
import type { AnalysisFilter } from '../analysis-filter.js';
import { dataKeys } from '../replies.js';
import type { ReplyScope } from './counted-replies.js';

/**
 * What a download of one version knows before it opens its snapshot: the version, the filter
 * as checked (analysis/analysis-filter.ts), the version's whole catalogue (for the consent
 * question) and the catalogue of the columns (selected and localized).
 */
export type ExportContext = {
  readonly surveyId: string;
  readonly version: number;
  readonly filter: AnalysisFilter;
  readonly fullCatalogue: Catalogue;
  readonly catalogue: Catalogue;
};

/**
 * The replies to read: those the status filter counts, with the data keys the columns need —
 * the whole data for every question — and the consent answer for the publication column.
 */
export function replyScope(context: ExportContext): ReplyScope {
  const { surveyId, version, filter, catalogue, fullCatalogue } = context;
  return {
    surveyId,
    version,
    statuses: filter.statuses,
    keys: filter.questions.kind === 'all' ? null : dataKeys(catalogue, [consentQuestion(fullCatalogue)]),
    known: dataKeys(fullCatalogue),
  };
}
