import { CODEBOOK_COLUMNS, codebookRows } from '../../questionnaire/index.js';
import type { Catalogue } from '../../questionnaire/index.js';
import type { CsvRecords } from './csv-encoder.js';

/**
 * codebook.csv: API.md's columns, then ours (`personal_data`, `section_title`), a line per code
 * (questionnaire/codebook.ts). Every variable, personal data included and marked: the codebook
 * describes the questionnaire, not anyone's answers. It reads no replies.
 */
export function* codebookRecords(catalogue: Catalogue): Generator<CsvRecords> {
  yield [CODEBOOK_COLUMNS, ...codebookRows(catalogue).map((row) => CODEBOOK_COLUMNS.map((column) => row[column]))];
}
