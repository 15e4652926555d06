import { comparisonCell } from '../../questionnaire/index.js';
import type { Column } from '../../questionnaire/index.js';

/**
 * One cell of a comparison table or a workbook sheet, typed: the comparison's value (codes) or
 * label (labels), except that numbers, counts and ranks are numbers either way — a spreadsheet
 * sums and sorts them. Unanswered is null (an empty cell). Read as the comparison reads it, so a
 * download shows what the screen shows.
 */
export type TypedCell = string | number | null;

const NUMERIC = new Set<Column['type']>(['number', 'count', 'rank']);

export function typedCell(column: Column, data: unknown, values: 'codes' | 'labels'): TypedCell {
  const cell = comparisonCell(column, data);
  if (cell.value === null) return null;
  if (values === 'codes' || (NUMERIC.has(column.type) && typeof cell.value === 'number')) return cell.value;
  return cell.label;
}
