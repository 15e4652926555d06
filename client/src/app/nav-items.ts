import type { NavItem } from '../components/layout/main-nav';
import { paths } from '../config/paths';
import type { Role, User } from '../types/api';

const HOME: NavItem = { label: 'Home', to: paths.home.getHref() };
const QUESTIONNAIRES: NavItem = { label: 'Questionnaires', to: paths.questionnaires.getHref() };
const ANALYSIS: NavItem = { label: 'Analysis', to: paths.analysis.getHref() };

const ITEMS_BY_ROLE: Record<Role, NavItem[]> = {
  delegate: [{ label: 'Your questionnaires', to: paths.home.getHref() }],
  consultant: [HOME, QUESTIONNAIRES, ANALYSIS],
  // The analyst's home is the workbench: no separate "Home".
  analyst: [ANALYSIS, QUESTIONNAIRES, { label: 'API tokens', to: paths.apiTokens.getHref() }],
  admin: [
    HOME,
    { label: 'People', to: paths.people.getHref() },
    { label: 'Member states', to: paths.memberStates.getHref() },
    { label: 'Audit log', to: paths.auditLog.getHref() },
    { label: 'Review board', to: paths.review.getHref() },
    QUESTIONNAIRES,
    ANALYSIS,
  ],
};

/** The main navigation of a person: nothing before sign-in, nor while a new password is due. */
export function navItemsFor(user: User | null): NavItem[] {
  if (!user || user.mustChangePassword) return [];
  return ITEMS_BY_ROLE[user.role];
}
