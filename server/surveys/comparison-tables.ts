import { isJsonObject } from '../questionnaire/json.js';

/**
 * Named comparison tables (tables.json): `{ "tables": [{ "id", "title", "description"?,
 * "questions": [name, …] }] }`. Only the shape is checked at import; the comparisons that use
 * them judge the questions against each version.
 */
export function comparisonTablesReasons(json: unknown): string[] {
  if (!isJsonObject(json) || !Array.isArray(json.tables)) return ['comparison tables are an object with a "tables" list'];
  const reasons: string[] = [];
  const ids = new Set<string>();
  json.tables.forEach((table, index) => {
    const at = `tables[${index}]`;
    if (!isJsonObject(table)) {
      reasons.push(`${at}: a table is an object with "id", "title" and "questions"`);
      return;
    }
    const { id, title, description, questions } = table;
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) reasons.push(`${at}.id: must be a slug (a–z, 0–9 and "-")`);
    else if (ids.has(id)) reasons.push(`${at}.id: '${id}' is used twice`);
    else ids.add(id);
    if (typeof title !== 'string' || title.trim() === '') reasons.push(`${at}.title: must be a non-empty text`);
    if (description !== undefined && typeof description !== 'string') reasons.push(`${at}.description: must be a text`);
    if (!Array.isArray(questions) || questions.length === 0 || !questions.every((q) => typeof q === 'string' && q !== '')) {
      reasons.push(`${at}.questions: must be a non-empty list of question names`);
    }
  });
  return reasons;
}
