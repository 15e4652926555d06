import type { User } from '../../../client/src/types/api';

export const CSRF_TOKEN = 'csrf-token-of-the-session';

export const adminUser: User = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'admin@cbss.example',
  name: 'Ada Admin',
  role: 'admin',
  memberState: null,
  mustChangePassword: false,
};

export const consultantUser: User = {
  id: '00000000-0000-4000-8000-000000000002',
  email: 'consultant@unodc.example',
  name: 'Carl Consultant',
  role: 'consultant',
  memberState: null,
  mustChangePassword: false,
};

export const analystUser: User = {
  id: '00000000-0000-4000-8000-000000000003',
  email: 'analyst@unodc.example',
  name: 'Ana Analyst',
  role: 'analyst',
  memberState: null,
  mustChangePassword: false,
};

export const delegateUser: User = {
  id: '00000000-0000-4000-8000-000000000004',
  email: 'delegate@ee.example',
  name: 'Dora Delegate',
  role: 'delegate',
  memberState: 'EE',
  mustChangePassword: false,
};

/** The answer of `GET /api/auth/me` and of sign-in for `user`. */
export function signedInAs(user: User) {
  return { user, csrfToken: CSRF_TOKEN };
}

export const memberStatesFixture = [
  { code: 'DK', name: 'Denmark', active: true },
  { code: 'EE', name: 'Estonia', active: true },
  { code: 'IS', name: 'Iceland', active: false },
];
