import { createHash } from 'node:crypto';
import pg from 'pg';

/** Distinct statements each connection keeps prepared; later ones run unnamed. */
const PREPARED_PER_CONNECTION = 500;

/**
 * A `pg` client that sends each parameterised statement (every query Kysely makes) as a named
 * prepared statement, so PostgreSQL parses and plans it once per connection instead of on every
 * execution. For the short statements of a request, planning costs more than running them: on
 * the autosave path it was about 0.6 ms of PostgreSQL's 1.6 ms (bench/BENCHMARKS.md). Past the
 * limit a new statement runs unnamed, so texts that vary with the input (an `in` list's length)
 * cannot grow a connection without bound.
 */
export class NamedStatementsClient extends pg.Client {
  readonly #prepared = new Set<string>();

  // `never`: pg's overloads cannot be restated one by one; each call returns what super's does.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values)) {
      const name = createHash('sha1').update(text).digest('base64url');
      if (this.#prepared.has(name) || this.#prepared.size < PREPARED_PER_CONNECTION) {
        this.#prepared.add(name);
        return Reflect.apply(super.query, this, [{ name, text, values }]) as never;
      }
    }
    return Reflect.apply(super.query, this, args) as never;
  }
}
