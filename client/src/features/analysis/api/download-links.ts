import { columnParams, filterParams, withParams, type AnalysisFilter, type ColumnChoice } from './analysis-filter';
import { surveyPath, versionPath, type VersionRef } from './analysis-paths';
import { roundsParams, type RoundsRef } from './get-rounds';

/**
 * The files behind what is on screen: each download asks for the same columns and filter as the
 * table shown, so that the file and the screen agree. Plain links: the browser sends the
 * session cookie, and a script the same address with an API token.
 */

export interface Download {
  /** Stable, for keys and tests. */
  id: string;
  label: string;
  /** What is in the file, in a sentence. */
  description: string;
  /** Same-origin path with its query. */
  href: string;
  format: 'CSV' | 'Excel';
  /** Whether the file can carry the variables marked personal data (`personal=include`). */
  personalData: 'can-include' | 'never';
}

type Layout = 'wide' | 'long';
type Values = 'codes' | 'labels';

const RESPONSES: readonly { layout: Layout; values: Values; description: string }[] = [
  { layout: 'wide', values: 'codes', description: 'One row per member state, one column per variable, answers as codes.' },
  { layout: 'wide', values: 'labels', description: 'One row per member state, one column per variable, answers in words.' },
  { layout: 'long', values: 'codes', description: 'One row per answered variable of each state, with code and label.' },
  { layout: 'long', values: 'labels', description: 'One row per answered variable of each state, answers in words.' },
];

export function versionDownloads(ref: VersionRef, columns: ColumnChoice, filter: AnalysisFilter): Download[] {
  const withColumns = (path: string, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(extra);
    for (const [name, value] of columnParams(columns, filter)) params.set(name, value);
    return withParams(versionPath(ref, path), params);
  };
  return [
    ...RESPONSES.map(({ layout, values, description }) => ({
      id: `responses-${layout}-${values}`,
      label: `Responses, ${layout}, ${values}`,
      description,
      href: withColumns('/export/responses.csv', { layout, values }),
      format: 'CSV' as const,
      personalData: 'can-include' as const,
    })),
    {
      id: 'comparison',
      label: 'Comparison table',
      description: 'The table as shown: member states as rows, answers in words.',
      href: withColumns('/export/comparison.csv'),
      format: 'CSV',
      personalData: 'can-include',
    },
    {
      id: 'summary',
      label: 'Summary',
      description: 'Per-choice counts and shares, with a 1/0 column per member state.',
      href: withColumns('/export/summary.csv'),
      format: 'CSV',
      // Counts per choice: a contact person's name is no choice to count.
      personalData: 'never',
    },
    {
      id: 'codebook',
      label: 'Codebook',
      description: 'Every variable of the version: question text, section, type, codes and labels.',
      href: withParams(versionPath(ref, '/export/codebook.csv'), new URLSearchParams(filter.locale ? { locale: filter.locale } : {})),
      format: 'CSV',
      // It lists the personal-data variables anyway, marked: it holds no answers.
      personalData: 'never',
    },
    {
      id: 'workbook',
      label: 'Workbook',
      description: 'Every named table on a sheet of its own, the responses, the summary and the codebook.',
      href: withParams(versionPath(ref, '/export/workbook.xlsx'), filterParams(filter)),
      format: 'Excel',
      personalData: 'can-include',
    },
  ];
}

export function roundsDownloads(ref: RoundsRef, columns: ColumnChoice, filter: AnalysisFilter): Download[] {
  const href = (values: Values) => {
    const params = roundsParams(ref, columns, filter);
    params.set('values', values);
    return withParams(surveyPath(ref.surveyId, '/export/rounds.csv'), params);
  };
  const description = 'One row per member state and variable: both rounds’ answers, and whether they changed.';
  return [
    { id: 'rounds-labels', label: 'Two rounds, labels', description, href: href('labels'), format: 'CSV', personalData: 'can-include' },
    { id: 'rounds-codes', label: 'Two rounds, codes', description, href: href('codes'), format: 'CSV', personalData: 'can-include' },
  ];
}

/**
 * The same file with the personal-data variables (the respondents' contact details) added:
 * administrators only, never for publication, and each such download is an audit event.
 */
export function withPersonalData(download: Download): Download {
  if (download.personalData === 'never') return download;
  const [path, query = ''] = download.href.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  params.set('personal', 'include');
  return { ...download, href: withParams(path, params) };
}
