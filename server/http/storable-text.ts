import fp from 'fastify-plugin';
import { unprocessable } from './errors.js';

/**
 * PostgreSQL refuses NUL characters and unpaired UTF-16 surrogates in text and jsonb, with an
 * error that would reach the client as a 500. Requests carrying them are refused with 422 at the
 * edge, wherever they are — path, query or body — before any handler can write part of them.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly the character this rule refuses.
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE_TEXT.test(text);
}

/**
 * The JSON-pointer-like path of the first key or text that cannot be stored, or null. A loop,
 * not recursion: a body nested thousands deep must not overflow the stack.
 */
export function unstorableAt(value: unknown): string | null {
  const pending: Array<[unknown, string]> = [[value, '']];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, at] = next;
    if (typeof item === 'string') {
      if (!isStorableText(item)) return at || '/';
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    for (const [key, child] of Object.entries(item)) {
      if (!isStorableText(key)) return `${at}/${key}`;
      pending.push([child, `${at}/${key}`]);
    }
  }
  return null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler reports unstorable text in the body itself, in its own terms (a save's INVALID_ANSWER per question). */
    bodyTextCheckedByHandler?: boolean;
  }
}

export default fp(
  async (fastify) => {
    fastify.addHook('preValidation', async (request) => {
      const parts: Array<['path' | 'query' | 'body', unknown]> = [['path', request.params], ['query', request.query]];
      if (!request.routeOptions.config.bodyTextCheckedByHandler) parts.push(['body', request.body]);
      for (const [location, value] of parts) {
        const path = unstorableAt(value);
        if (path !== null) {
          throw unprocessable('INVALID_TEXT', `The request's ${location} contains a character that cannot be stored (NUL or an unpaired surrogate).`, [{ location, path }]);
        }
      }
    });
  },
  { name: 'storable-text' },
);
