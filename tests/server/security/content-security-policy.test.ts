import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-test-app.js';

/**
 * The policy every response carries (the browser test, tests/e2e/content-security-policy, shows
 * the built client runs under it). Scripts only from this origin: an injected <script> or
 * onclick="" does not run, whatever a comment or an answer contains.
 */
describe('Content-Security-Policy header', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  const directives = async () => {
    const policy = (await app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy'] as string;
    return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));
  };

  it('allows scripts from this origin only: no inline scripts, no inline handlers, no eval', async () => {
    const policy = await directives();
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('script-src-attr')).toBe("'none'");
    expect(policy.get('default-src')).toBe("'self'");
  });

  it('forbids plug-ins, framing by other sites, and a changed base address', async () => {
    const policy = await directives();
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'self'");
    expect(policy.get('form-action')).toBe("'self'");
  });
});
