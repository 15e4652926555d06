import type { FastifyInstance } from 'fastify';
import type { Role } from '../auth/roles.js';
import { toSessionUser, type SessionUser } from '../auth/principal.js';

/**
 * One shared password for every demo account, printed by `npm run demo`: the accounts exist to
 * be tried. It passes the same rules as any password (length, not a common one).
 */
export const DEMO_PASSWORD = 'baltic-sea-2009';

export interface DemoAccount {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly memberState: string | null;
}

export const demoEmail = (who: string) => `${who}@demo.example`;

export const STAFF_ACCOUNTS: readonly DemoAccount[] = [
  { email: demoEmail('admin'), name: 'Demo Administrator', role: 'admin', memberState: null },
  { email: demoEmail('consultant'), name: 'Demo Consultant', role: 'consultant', memberState: null },
  { email: demoEmail('analyst'), name: 'Demo Analyst', role: 'analyst', memberState: null },
];

export function delegateAccount(code: string, stateName: string): DemoAccount {
  return { email: demoEmail(`delegate.${code.toLowerCase()}`), name: `Demo Delegate (${stateName})`, role: 'delegate', memberState: code };
}

/** The account, made through the users service when it does not exist yet; an existing one is left as it is. */
export async function ensureAccount(app: FastifyInstance, account: DemoAccount): Promise<{ user: SessionUser; created: boolean }> {
  const existing = await app.users.findByEmail(account.email);
  if (existing) return { user: toSessionUser(existing), created: false };
  const user = await app.users.create({ ...account, password: DEMO_PASSWORD });
  await app.audit.record({ actor: null, action: 'user.created_by_demo', target: user.email, details: { role: user.role } });
  return { user, created: true };
}
