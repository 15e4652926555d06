/**
 * The actions the server records, in words, grouped as the audit log's filter lists them. The
 * table shows the codes themselves (they are what the CSV and the API carry); the filter offers
 * them by what they mean, so nobody has to type `auth.sign_in_failed`. An action not listed
 * here (a newer server) still filters by its code from the address.
 */
export const AUDIT_ACTION_GROUPS: ReadonlyArray<{ label: string; actions: ReadonlyArray<readonly [code: string, label: string]> }> = [
  {
    label: 'Signing in',
    actions: [
      ['auth.signed_in', 'Signed in'],
      ['auth.sign_in_failed', 'Sign-in failed'],
      ['auth.sign_in_throttled', 'Sign-in refused after too many failures'],
      ['auth.signed_out', 'Signed out'],
      ['auth.signed_out_everywhere', 'Signed out everywhere'],
      ['auth.password_changed', 'Password changed'],
    ],
  },
  {
    label: 'People',
    actions: [
      ['invitation.created', 'Invitation created'],
      ['invitation.accepted', 'Invitation accepted'],
      ['invitation.revoked', 'Invitation withdrawn'],
      ['user.role_changed', 'Role or member state changed'],
      ['user.renamed', 'Name changed by an administrator'],
      ['user.disabled', 'Account disabled'],
      ['user.enabled', 'Account re-enabled'],
      ['user.sessions_revoked', 'Sessions ended by an administrator'],
      ['user.first_admin_created', 'First administrator created at start-up'],
      ['user.created_by_cli', 'Account created from the shell'],
      ['user.password_reset_by_cli', 'Password reset from the shell'],
      ['user.created_by_demo', 'Demo account created'],
      ['token.created', 'API token created'],
      ['token.revoked', 'API token revoked'],
    ],
  },
  {
    label: 'Member states and questionnaires',
    actions: [
      ['member_state.created', 'Member state added'],
      ['member_state.changed', 'Member state renamed, deactivated or reactivated'],
      ['survey.version_published', 'Questionnaire version published'],
      ['survey.version_opened', 'Round opened'],
      ['survey.version_closed', 'Round closed'],
    ],
  },
  {
    label: 'Replies and analysis',
    actions: [
      ['response.submitted', 'Reply submitted'],
      ['response.returned', 'Reply returned to the delegates'],
      ['response.accepted', 'Reply accepted'],
      ['response.reopened', 'Reply reopened'],
      ['export.downloaded', 'Download'],
      ['analysis.personal_data', 'Personal data shown in the analysis'],
    ],
  },
];

const LABELS = new Map(AUDIT_ACTION_GROUPS.flatMap((group) => group.actions));

/** The words for an action code, or null for one this client does not know. */
export function auditActionLabel(code: string): string | null {
  return LABELS.get(code) ?? null;
}
