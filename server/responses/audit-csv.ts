import type { CsvRecord } from '../analysis/export/csv-encoder.js';
import type { AuditLine } from './audit-trail.js';
import type { ResponseTarget } from './target.js';

/**
 * The audit of a reply as CSV: one record per audit line, oldest first, written by the analysis
 * exports' one encoder (BOM, CRLF, quoting, formula-like cells neutralised).
 */

export const AUDIT_CSV_COLUMNS = ['revision', 'at', 'author', 'kind', 'status', 'question', 'question_title', 'part', 'old_value', 'new_value'] as const;

export function auditRecord(line: AuditLine): CsvRecord {
  return [line.revision, line.at.toISOString(), line.author, line.kind, line.status, line.question, line.questionTitle, line.part, line.old, line.new];
}

/**
 * Named as the analysis downloads are (analysis/export/file-names.ts): survey, version, what the
 * file holds, the day in UTC — with the member state before "audit":
 * `national-cooperation_v2_EE_audit_2026-12-02.csv`. Codes are letters, digits and "-".
 */
export function auditFileName(target: ResponseTarget, at: Date): string {
  return `${target.surveyId}_v${target.version}_${target.memberState}_audit_${at.toISOString().slice(0, 10)}.csv`;
}
