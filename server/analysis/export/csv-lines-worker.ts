import { parentPort } from 'node:worker_threads';
import { encodePage, type FromWorker, type LinesLayout, type ToWorker } from './csv-lines-job.js';

/** The worker thread of csv-lines.ts: the layouts of the jobs it has started, and their pages. */

const port = parentPort;
if (!port) throw new Error('csv-lines-worker runs as a worker thread');

const jobs = new Map<number, LinesLayout>();

port.on('message', (message: ToWorker) => {
  switch (message.kind) {
    case 'start':
      jobs.set(message.job, message.layout);
      return;
    case 'end':
      jobs.delete(message.job);
      return;
    case 'page': {
      const layout = jobs.get(message.job);
      let answer: FromWorker;
      try {
        if (!layout) throw new Error(`job ${message.job} was not started`);
        answer = { job: message.job, page: message.page, bytes: encodePage(layout, message.rows) };
      } catch (error) {
        answer = { job: message.job, page: message.page, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(answer, 'bytes' in answer ? [answer.bytes.buffer as ArrayBuffer] : []);
      return;
    }
  }
});
