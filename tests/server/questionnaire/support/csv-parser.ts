/**
 * A small RFC 4180 reader for round-trip tests only (production code writes CSV, never reads
 * it), strict about line ends. Undoes the formula neutralisation: an apostrophe before = + - @ tab or CR is dropped.
 */
export function parseCsv(file: string): string[][] {
  // Every download starts with a BOM, so that spreadsheets read UTF-8.
  const text = file.startsWith('\uFEFF') ? file.slice(1) : file;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let index = 0;
  const endCell = () => {
    row.push(unneutralise(cell));
    cell = '';
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 2;
      } else if (char === '"') {
        quoted = false;
        index += 1;
      } else {
        cell += char;
        index += 1;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
      index += 1;
    } else if (char === ',') {
      endCell();
      index += 1;
    } else if (char === '\r' && text[index + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      index += 2;
    } else if (char === '\r' || char === '\n') {
      throw new Error(`bare line break at ${index}: RFC 4180 lines end with CRLF and breaks in cells are quoted`);
    } else {
      cell += char;
      index += 1;
    }
  }
  if (cell !== '' || row.length > 0) throw new Error('the last line does not end with CRLF');
  return rows;
}

function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
