import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../server/auth/roles.js';
import type { SessionUser } from '../../server/auth/principal.js';

export const TEST_PASSWORD = 'correct horse battery 42';

/** A signed-in person for tests: made through the real services and the real sign-in route. */
export interface Caller {
  readonly user: SessionUser;
  readonly cookie: string;
  readonly csrfToken: string;
  /** app.inject as this person, with the session cookie and CSRF header set. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let counter = 0;
const uniqueEmail = (role: string) => `${role}-${++counter}-${randomBytes(3).toString('hex')}@example.org`;

export async function createPerson(app: FastifyInstance, role: Role, memberState: string | null = null, email = uniqueEmail(role)) {
  return app.users.create({ email, name: `Test ${role}`, role, memberState, password: TEST_PASSWORD });
}

export async function signInAs(app: FastifyInstance, role: Role, memberState: string | null = role === 'delegate' ? 'EE' : null): Promise<Caller> {
  const person = await createPerson(app, role, memberState);
  return signIn(app, person.email, TEST_PASSWORD);
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Caller> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res);
  const { user, csrfToken } = res.json();
  return {
    user,
    cookie,
    csrfToken,
    inject: (options) =>
      app.inject({
        ...options,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
      }),
  };
}

export function sessionCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'ncs_session');
  if (!cookie) throw new Error('no session cookie set');
  return `ncs_session=${cookie.value}`;
}
