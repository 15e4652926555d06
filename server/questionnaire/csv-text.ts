/**
 * RFC 4180 text for the CSV downloads: fields quoted when they hold a quote, comma or line
 * break, lines ended with CRLF, the file started with a BOM so spreadsheets read UTF-8.
 */

export const CSV_BOM = '\uFEFF';

/**
 * Spreadsheets run a cell that starts with one of these as a formula. API.md has such cells
 * prefixed with an apostrophe, which spreadsheets show as text — negative numbers included
 * ("-3" becomes "'-3"): the contract names the characters, not the meaning.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const neutral = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
