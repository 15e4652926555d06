/**
 * Worksheet names as Excel accepts them: at most 31 characters, none of [ ] : * ? / \, not
 * starting or ending with an apostrophe, not "History" (Excel's own), and unique regardless of
 * case. Names asked for first (the fixed sheets) are reserved, so a table titled "Summary"
 * cannot take the summary's sheet.
 */

const MAX_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;
const RESERVED = ['history'];

export function createSheetNamer(reserved: readonly string[]) {
  const taken = new Set([...RESERVED, ...reserved.map((name) => name.toLowerCase())]);
  return function sheetName(wanted: string): string {
    const base = clean(wanted) || 'Sheet';
    for (let attempt = 1; ; attempt += 1) {
      const suffix = attempt === 1 ? '' : ` (${attempt})`;
      const name = `${base.slice(0, MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };
}

function clean(name: string): string {
  return name
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
}
