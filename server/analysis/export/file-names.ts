/**
 * Download file names say the survey, the version (or the two compared), what the file holds,
 * whether it is the publication variant, and the day it was made:
 * `national-cooperation_v2_responses-wide_2026-12-02.csv`,
 * `national-cooperation_v2_comparison-national-coordination_publication_2026-12-02.csv`,
 * `national-cooperation_v1-v2_rounds_2026-12-02.csv`. Survey ids and table ids are slugs
 * (a–z, 0–9, "-"), so a name needs no escaping in Content-Disposition.
 */

export type ExportKind =
  | { readonly kind: 'responses'; readonly layout: 'wide' | 'long' }
  | { readonly kind: 'comparison'; readonly table: string | null }
  | { readonly kind: 'summary' }
  | { readonly kind: 'codebook' }
  | { readonly kind: 'workbook' };

export type Versions = { readonly version: number } | { readonly from: number; readonly to: number };

export type FileNameParts = {
  readonly surveyId: string;
  readonly versions: Versions;
  readonly what: ExportKind | { readonly kind: 'rounds' };
  readonly audience: 'analysis' | 'publication';
  readonly at: Date;
};

export function exportFileName({ surveyId, versions, what, audience, at }: FileNameParts): string {
  const version = 'version' in versions ? `v${versions.version}` : `v${versions.from}-v${versions.to}`;
  const parts = [surveyId, version, kindName(what), ...(audience === 'publication' ? ['publication'] : []), isoDay(at)];
  return `${parts.join('_')}.${what.kind === 'workbook' ? 'xlsx' : 'csv'}`;
}

function kindName(what: FileNameParts['what']): string {
  switch (what.kind) {
    case 'responses':
      return `responses-${what.layout}`;
    case 'comparison':
      return what.table === null ? 'comparison' : `comparison-${what.table}`;
    default:
      return what.kind;
  }
}

/** The calendar day in UTC: the server's own time zone must not change a file's name. */
function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The header value that makes browsers save the body under the name. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
