import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FromWorker, LinesLayout, ReplyText, ToWorker } from './csv-lines-job.js';
import { encodedCsv, type EncodedCsv } from './csv-encoder.js';

/**
 * responses.csv laid out on worker threads. Parsing a reply's ~9 KB document, laying out its
 * ~560 cells and encoding them is ~120 µs of CPU a reply; on the event loop that was the whole
 * export's pace (one core busy, the other idle but for PostgreSQL) and every other request of the
 * server waited behind it. Here the main thread only moves text: the cursor's pages (data as
 * JSON text, never parsed there) go to a worker, and the encoded lines come back, in order
 * (bench/BENCHMARKS.md, Analysis).
 *
 * A few pages are in flight at a time, so memory still holds a bounded number of pages however
 * many replies there are, and a slow client still slows the cursor down.
 */

export interface CsvLinesPool {
  /** The pages' lines, a page's text at a time, in the pages' order. */
  encode(layout: LinesLayout, pages: AsyncIterable<readonly ReplyText[]>): AsyncGenerator<EncodedCsv>;
  /** Ends the workers; a running encode fails. */
  close(): Promise<void>;
}

/** Leave a core to the event loop and PostgreSQL; two workers at most (a download is one cursor). */
export const DEFAULT_WORKERS = Math.max(1, Math.min(2, os.availableParallelism() - 1));

/**
 * A page's documents are garbage within the page, but a worker's default young generation is
 * smaller than a page's parsed objects: they survived, were copied and promoted, and collecting
 * them took as long as laying them out (16 MB: 290 µs a reply, 64 MB: 130 µs; bench notes).
 */
const YOUNG_GENERATION_MB = 64;

/**
 * The worker's entry. Run from the TypeScript sources (the tests, `npm run dev`), it is loaded
 * through tsx's loader, registered inside the worker: a worker does not inherit the loader its
 * parent runs under.
 */
function workerEntry(): { readonly entry: string | URL; readonly eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { entry: new URL('./csv-lines-worker.js', import.meta.url), eval: false };
  const source = JSON.stringify(new URL('./csv-lines-worker.ts', import.meta.url).href);
  return { entry: `import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); });`, eval: true };
}

export function createCsvLinesPool({ workers: size = DEFAULT_WORKERS }: { workers?: number } = {}): CsvLinesPool {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`workers must be a positive integer, got ${size}`);
  // Started at the first download, not with the server: most servers never export.
  let team: LinesWorker[] = [];
  let nextJob = 1;
  let closed = false;

  function liveTeam(): LinesWorker[] {
    team = team.filter((worker) => worker.alive);
    while (team.length < size) team.push(new LinesWorker());
    return team;
  }

  return {
    async *encode(layout, pages) {
      if (closed) throw new Error('the CSV line workers are closed');
      const job = nextJob++;
      const workers = liveTeam();
      for (const worker of workers) worker.start(job, layout);
      const inFlight: Promise<EncodedCsv>[] = [];
      let page = 0;
      try {
        for await (const rows of pages) {
          const encoded = workers[page % workers.length]!.page(job, page, rows);
          // Awaited in order below; one that fails meanwhile must not be an unhandled rejection.
          encoded.catch(() => undefined);
          inFlight.push(encoded);
          page += 1;
          // Each worker busy with a page while the oldest one's text is written out.
          while (inFlight.length > workers.length) yield await inFlight.shift()!;
        }
        while (inFlight.length > 0) yield await inFlight.shift()!;
      } finally {
        for (const worker of workers) worker.end(job);
      }
    },
    async close() {
      closed = true;
      const ending = team;
      team = [];
      await Promise.all(ending.map((worker) => worker.terminate()));
    },
  };
}

type Pending = { resolve: (bytes: EncodedCsv) => void; reject: (error: Error) => void };

class LinesWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<string, Pending>();
  #failure: Error | null = null;

  constructor() {
    const { entry, eval: isScript } = workerEntry();
    this.#worker = new Worker(entry, { eval: isScript, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    // Idle workers must not keep the process alive; a download in progress keeps its socket.
    this.#worker.unref();
    this.#worker.on('message', (message: FromWorker) => {
      const key = pageKey(message.job, message.page);
      const pending = this.#pending.get(key);
      if (!pending) return;
      this.#pending.delete(key);
      if ('bytes' in message) pending.resolve(encodedCsv(message.bytes));
      else pending.reject(new Error(`laying out CSV lines failed: ${message.error}`));
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`the CSV line worker exited (code ${code})`)));
  }

  get alive(): boolean {
    return this.#failure === null;
  }

  start(job: number, layout: LinesLayout): void {
    this.#post({ kind: 'start', job, layout });
  }

  page(job: number, page: number, rows: readonly ReplyText[]): Promise<EncodedCsv> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise<EncodedCsv>((resolve, reject) => {
      this.#pending.set(pageKey(job, page), { resolve, reject });
      this.#post({ kind: 'page', job, page, rows });
    });
  }

  end(job: number): void {
    this.#post({ kind: 'end', job });
  }

  async terminate(): Promise<void> {
    this.#fail(new Error('the CSV line workers were closed'));
    await this.#worker.terminate();
  }

  #post(message: ToWorker): void {
    if (this.#failure) return;
    this.#worker.postMessage(message);
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(this.#failure);
    this.#pending.clear();
  }
}

const pageKey = (job: number, page: number) => `${job}:${page}`;
