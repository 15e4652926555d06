import fs from 'node:fs/promises';
import path from 'node:path';

/** What one folder under `survey-definitions/` holds, read but not yet checked. */
export interface SurveyFolder {
  readonly id: string;
  readonly title: string;
  readonly versions: ReadonlyArray<{ readonly version: number; readonly file: string; readonly definition: unknown }>;
  /** crosswalk.json (question renames between versions), when the folder has one. */
  readonly crosswalk: JsonFile | null;
  /** tables.json (named comparison tables), when the folder has one. */
  readonly tables: JsonFile | null;
}

export interface JsonFile {
  readonly file: string;
  readonly json: unknown;
}

export class DefinitionFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'DefinitionFileError';
  }
}

const VERSION_FILE = /^v([1-9]\d{0,4})\.json$/;

/** Reads every `<survey>/survey.json` + `v<n>.json` (+ crosswalk.json, tables.json) below the definitions folder. */
export async function readDefinitionFolders(root: string): Promise<SurveyFolder[]> {
  const entries = await fs.readdir(root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const folders: SurveyFolder[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    folders.push(await readSurveyFolder(path.join(root, entry.name)));
  }
  return folders;
}

async function readSurveyFolder(dir: string): Promise<SurveyFolder> {
  const surveyFile = path.join(dir, 'survey.json');
  const meta = await readJson(surveyFile);
  if (typeof meta !== 'object' || meta === null) throw new DefinitionFileError(surveyFile, 'must be a JSON object');
  const { id, title } = meta as Record<string, unknown>;
  if (typeof id !== 'string' || id !== path.basename(dir)) {
    throw new DefinitionFileError(surveyFile, `"id" must be the folder name "${path.basename(dir)}"`);
  }
  if (typeof title !== 'string' || title.trim() === '') throw new DefinitionFileError(surveyFile, '"title" must be a non-empty string');

  const names = await fs.readdir(dir);
  const versions = [];
  for (const name of names) {
    const match = VERSION_FILE.exec(name);
    if (!match) continue;
    const file = path.join(dir, name);
    versions.push({ version: Number(match[1]), file, definition: await readJson(file) });
  }
  versions.sort((a, b) => a.version - b.version);
  versions.forEach((v, index) => {
    if (v.version !== index + 1) throw new DefinitionFileError(v.file, `versions must be numbered 1, 2, 3 … without gaps; expected v${index + 1}.json`);
  });
  const crosswalk = await readOptionalJson(path.join(dir, 'crosswalk.json'));
  const tables = await readOptionalJson(path.join(dir, 'tables.json'));
  return { id, title: title.trim(), versions, crosswalk, tables };
}

async function readOptionalJson(file: string): Promise<JsonFile | null> {
  const absent = await fs.access(file).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  );
  // Any other failure is reported, naming the file, by readJson.
  return absent ? null : { file, json: await readJson(file) };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new DefinitionFileError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DefinitionFileError(file, `is not valid JSON (${(error as Error).message})`);
  }
}
