/**
 * CSV as spreadsheets and statistics packages read it: RFC 4180 quoting, CRLF line ends.
 * A cell that a spreadsheet would run as a formula (starting =, +, -, @, tab or CR) gets a
 * leading apostrophe so that it shows as text: exported answers are typed by other people.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Prepended once to a CSV download so that spreadsheet programs read it as UTF-8. */
export const UTF8_BOM = '\uFEFF';
