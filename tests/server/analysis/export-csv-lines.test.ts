import { afterAll, describe, expect, it } from 'vitest';
import { encodePage, type LinesLayout, type ReplyText } from '../../../server/analysis/export/csv-lines-job.js';
import { createCsvLinesPool } from '../../../server/analysis/export/csv-lines.js';
import { compileQuestionnaire, repeatCounts, wideColumnsFor } from '../../../server/questionnaire/index.js';
import type { SurveyDefinition } from '../../../server/questionnaire/index.js';
import { realAnswers, realFile } from '../questionnaire/support/fixtures.js';

/**
 * responses.csv's lines are laid out on worker threads (csv-lines.ts): what comes back must be
 * exactly what the pure layout gives in-process, page for page and in order, and a failure in a
 * worker must fail the download it belongs to, not the next one.
 */

const definition = realFile('v2.json') as SurveyDefinition;
const complete = realAnswers('v2-complete.json')!;
const { catalogue } = compileQuestionnaire(definition);
const columns = wideColumnsFor(catalogue, repeatCounts(catalogue, [complete]));
const wide: LinesLayout = { layout: 'wide', columns, values: 'codes' };
const long: LinesLayout = { layout: 'long', catalogue, values: 'labels' };

/** Pages of replies of different sizes, each a variant of the complete reply (a text per state). */
function pagesOf(sizes: readonly number[]): ReplyText[][] {
  let state = 0;
  return sizes.map((size) =>
    Array.from({ length: size }, () => {
      state += 1;
      const data = { ...complete, reference_period: `${state % 3 === 0 ? '=formula' : '2009 – Ørsted, "✓"'} ${state}` };
      return { leading: [`S${state}`, `State ${state}`, 'submitted', state, null], data: JSON.stringify(data) };
    }),
  );
}

async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function collect(pieces: AsyncIterable<Buffer>): Promise<string[]> {
  const texts: string[] = [];
  for await (const piece of pieces) texts.push(piece.toString('utf8'));
  return texts;
}

describe('CSV lines on worker threads', () => {
  const pools = [createCsvLinesPool({ workers: 1 }), createCsvLinesPool({ workers: 2 })];
  afterAll(() => Promise.all(pools.map((pool) => pool.close())));

  it.each([1, 2])('gives, with %i worker(s), each page exactly as laid out in-process, in order', async (workers) => {
    const pool = pools[workers - 1]!;
    const pages = pagesOf([3, 1, 7, 2, 5, 1, 4]);
    for (const layout of [wide, long]) {
      expect(await collect(pool.encode(layout, fromArray(pages)))).toEqual(pages.map((page) => encodePage(layout, page).toString('utf8')));
    }
  });

  it('runs downloads side by side without mixing their pages', async () => {
    const pool = pools[1]!;
    const a = pagesOf([2, 2, 2]);
    const b = pagesOf([1, 3]);
    const [fromA, fromB] = await Promise.all([collect(pool.encode(wide, fromArray(a))), collect(pool.encode(long, fromArray(b)))]);
    expect(fromA).toEqual(a.map((page) => encodePage(wide, page).toString('utf8')));
    expect(fromB).toEqual(b.map((page) => encodePage(long, page).toString('utf8')));
  });

  it('fails the download whose page cannot be laid out, and serves the next one', async () => {
    const pool = pools[0]!;
    const [good] = pagesOf([2]);
    const broken = [good!, [{ leading: ['XX'], data: '{not json' }], good!];
    await expect(collect(pool.encode(wide, fromArray(broken)))).rejects.toThrow(/laying out CSV lines failed/);
    expect(await collect(pool.encode(wide, fromArray([good!])))).toEqual([encodePage(wide, good!).toString('utf8')]);
  });

  it('stops when the reader stops (a client that left) and serves the next download', async () => {
    const pool = pools[1]!;
    const pages = pagesOf([2, 2, 2, 2]);
    for await (const piece of pool.encode(wide, fromArray(pages))) {
      expect(piece.toString('utf8')).toBe(encodePage(wide, pages[0]!).toString('utf8'));
      break;
    }
    expect(await collect(pool.encode(wide, fromArray(pages.slice(1))))).toEqual(pages.slice(1).map((page) => encodePage(wide, page).toString('utf8')));
  });

  it('fails a running download when the pool is closed, and refuses new ones', async () => {
    const pool = createCsvLinesPool({ workers: 1 });
    const pages = pagesOf([2, 2, 2]);
    const running = pool.encode(wide, fromArray(pages));
    await running.next();
    await pool.close();
    await expect(collect(running)).rejects.toThrow(/closed/);
    await expect(collect(pool.encode(wide, fromArray(pages)))).rejects.toThrow(/closed/);
  });

  it('refuses a pool of no workers', () => {
    expect(() => createCsvLinesPool({ workers: 0 })).toThrow(RangeError);
  });
});
