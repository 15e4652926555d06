import autocannon from 'autocannon';
import { percentile } from './report.js';

export interface LoadRequest {
  readonly method: 'GET' | 'PATCH' | 'POST';
  readonly path: string;
  readonly token: string;
  readonly body: string;
  /** Called with the answer's status and body, e.g. to learn the revision a save reached. */
  readonly onAnswer?: (status: number, body: string) => void;
}

/** What a connection remembers of the request it has in flight (autocannon sends one at a time per connection). */
interface InFlight {
  onAnswer?: LoadRequest['onAnswer'];
}

/** How long a load runs: for a time, or until exactly `amount` requests have been answered. */
export type LoadLength = { readonly seconds: number } | { readonly amount: number };

export interface LoadResult {
  readonly seconds: number;
  readonly answered: number;
  readonly ok: number;
  /** Answers by status code other than 2xx, e.g. `{ 409: 3 }`. */
  readonly failures: Readonly<Record<number, number>>;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly perSecond: number;
  /** Latency in ms of every answer. */
  readonly p50: number;
  readonly p97_5: number;
  readonly p99: number;
}

/**
 * Runs autocannon against every server at once, the connections shared out among them (as a load
 * balancer in front of stateless instances would), each request made by `next` when it is sent.
 * Latencies are collected per answer across the servers, so the percentiles are exact for the
 * whole run, not an average of per-server figures.
 */
export async function runLoad(urls: readonly string[], connections: number, length: LoadLength, next: () => LoadRequest): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures: Record<number, number> = {};
  let ok = 0;
  const started = performance.now();
  const results = await Promise.all(
    urls.map(
      (url, index) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const share = (total: number) => Math.floor(total / urls.length) + (index < total % urls.length ? 1 : 0);
          const instance = autocannon(
            {
              url,
              connections: share(connections),
              // A slow answer is a figure to report, not a request to abandon (autocannon's default is 10 s).
              timeout: 60,
              ...('seconds' in length ? { duration: length.seconds } : { amount: share(length.amount) }),
              requests: [
                {
                  setupRequest: (request, context: InFlight) => {
                    const { method, path, token, body, onAnswer } = next();
                    context.onAnswer = onAnswer;
                    return { ...request, method, path, body, headers: { ...request.headers, authorization: `Bearer ${token}`, 'content-type': 'application/json' } };
                  },
                  onResponse: (status, body, context: InFlight) => context.onAnswer?.(status, body),
                },
              ],
            },
            (error, result) => (error ? reject(error) : resolve(result)),
          );
          instance.on('response', (_client, status, _bytes, latency) => {
            latencies.push(latency);
            if (status >= 200 && status < 300) ok += 1;
            else failures[status] = (failures[status] ?? 0) + 1;
          });
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    seconds,
    answered: latencies.length,
    ok,
    failures,
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    perSecond: ok / seconds,
    p50: percentile(latencies, 50),
    p97_5: percentile(latencies, 97.5),
    p99: percentile(latencies, 99),
  };
}
