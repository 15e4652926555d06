import type { Role } from '../types/api';

export const ROLES: readonly Role[] = ['delegate', 'consultant', 'analyst', 'admin'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  consultant: 'Consultant',
  analyst: 'Analyst',
  delegate: 'Delegate',
};

/** What a person of each role does on the platform, in a few words. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  delegate: "fills in their member state's questionnaires",
  consultant: 'reviews the responses of every member state',
  analyst: 'compares responses and downloads the data',
  admin: 'invites people and manages member states and questionnaires',
};
