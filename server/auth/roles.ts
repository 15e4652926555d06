/** What a person may do is decided by their role; a delegate also by their member state. */
export const ROLES = ['admin', 'consultant', 'analyst', 'delegate'] as const;
export type Role = (typeof ROLES)[number];
