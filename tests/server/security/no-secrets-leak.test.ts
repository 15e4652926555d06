import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { sessionCookieOf } from '../../helpers/people.js';

/**
 * No password, password hash, session cookie or token in any log line, nor in any response but
 * the one that hands a token out. A representative flow runs with every log line captured at the
 * most talkative level; afterwards every line and every body is searched for every secret used.
 */
describe('no secret in a response or a log line', () => {
  let app: FastifyInstance;
  const logLines: string[] = [];
  const exchanges: Array<{ request: string; response: LightMyRequestResponse }> = [];
  const secrets = new Set<string>();
  /** A secret may appear in the response that issues it (an invitation link, a new API token), nowhere else. */
  const issuedBy = new Map<string, LightMyRequestResponse>();

  beforeAll(async () => {
    app = await buildTestApp({ config: { logLevel: 'trace' }, build: { logger: true, logStream: { write: (line) => void logLines.push(line) } } });
  });
  afterAll(() => app.close());

  async function call(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const response = await app.inject(options);
    exchanges.push({ request: `${options.method} ${options.url}`, response });
    for (const cookie of response.cookies) if (cookie.value) secrets.add(cookie.value);
    return response;
  }

  function expectOk(response: LightMyRequestResponse, status = 200) {
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  }

  async function signIn(email: string, password: string) {
    const response = await call({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    const { csrfToken } = expectOk(response);
    secrets.add(csrfToken);
    return { cookie: sessionCookieOf(response), csrfToken };
  }

  const as = (who: { cookie: string; csrfToken: string }) => (options: InjectOptions & { url: string }) =>
    call({ ...options, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...(options.headers ?? {}) } });

  it('holds for creating people, invitations, sign-in (right and wrong), API tokens and a password change', async () => {
    const passwords = { admin: 'admin secret passphrase 1', delegate: 'delegate secret passphrase 2', changed: 'delegate changed passphrase 3', wrong: 'a wrong guess of a passphrase' };
    for (const password of Object.values(passwords)) secrets.add(password);
    await app.users.create({ email: 'leak-admin@example.org', name: 'Leak Admin', role: 'admin', memberState: null, password: passwords.admin });

    const admin = as(await signIn('leak-admin@example.org', passwords.admin));
    expect((await call({ method: 'POST', url: '/api/auth/login', payload: { email: 'leak-admin@example.org', password: passwords.wrong } })).statusCode).toBe(401);

    const invitationResponse = await admin({ method: 'POST', url: '/api/invitations', payload: { email: 'leak-delegate@example.ee', role: 'delegate', memberState: 'EE' } });
    const invitation = expectOk(invitationResponse, 201);
    secrets.add(invitation.token);
    issuedBy.set(invitation.token, invitationResponse);
    expectOk(await call({ method: 'GET', url: `/api/invitations/${invitation.token}` }));
    const accepted = await call({ method: 'POST', url: `/api/invitations/${invitation.token}/accept`, payload: { name: 'Leak Delegate', password: passwords.delegate } });
    secrets.add(expectOk(accepted, 201).csrfToken);

    const delegate = as(await signIn('leak-delegate@example.ee', passwords.delegate));
    const tokenResponse = await delegate({ method: 'POST', url: '/api/tokens', payload: { name: 'nightly export' } });
    const apiToken = expectOk(tokenResponse, 201).token as string;
    secrets.add(apiToken);
    issuedBy.set(apiToken, tokenResponse);
    expectOk(await call({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${apiToken}` } }));
    expect((await call({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${apiToken}x` } })).statusCode).toBe(401);
    expectOk(await delegate({ method: 'GET', url: '/api/tokens' }));
    expectOk(await delegate({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: passwords.delegate, newPassword: passwords.changed } }));
    expect((await delegate({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: passwords.wrong, newPassword: passwords.changed } })).statusCode).toBeGreaterThanOrEqual(400);
    await signIn('leak-delegate@example.ee', passwords.changed);

    // What an administrator can read about people and what happened.
    expectOk(await admin({ method: 'GET', url: '/api/users' }));
    expectOk(await admin({ method: 'GET', url: '/api/invitations' }));
    expectOk(await admin({ method: 'GET', url: '/api/audit' }));
    expect((await admin({ method: 'GET', url: '/api/audit.csv' })).statusCode).toBe(200);

    const everything = [...secrets];
    expect(everything.length).toBeGreaterThan(10);
    expect(logLines.length).toBeGreaterThan(exchanges.length);
    const leaksInLogs = logLines.flatMap((line) => [...everything, '$argon2'].filter((secret) => line.includes(secret)).map((secret) => `${secret} in ${line}`));
    expect(leaksInLogs).toEqual([]);

    const leaksInResponses = exchanges.flatMap(({ request, response }) => {
      const text = `${response.body}\n${JSON.stringify({ ...response.headers, 'set-cookie': undefined })}`;
      return [...everything, '$argon2']
        .filter((secret) => text.includes(secret) && issuedBy.get(secret) !== response && !isOwnCsrfToken(secret, response))
        .map((secret) => `${secret} in the response to ${request}`);
    });
    expect(leaksInResponses).toEqual([]);
  });

  /** Sign-in, /me and password change return the caller's own CSRF token: that is their purpose. */
  function isOwnCsrfToken(secret: string, response: LightMyRequestResponse): boolean {
    try {
      return (response.json() as { csrfToken?: unknown }).csrfToken === secret;
    } catch {
      return false;
    }
  }
});
