import { SelectField } from '../../../components/form/field';
import { messageOf } from '../../../components/form/form-alert';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '../../../config/roles';
import type { Role } from '../../../types/api';
import { useMemberStates } from '../../../api/get-member-states';

export interface RoleAndStateErrors {
  role?: string;
  memberState?: string;
}

interface RoleAndStateFieldsProps {
  role: Role;
  onRoleChange: (role: Role) => void;
  /** The state already chosen, e.g. a delegate's current one. */
  defaultMemberState?: string | null;
  errors: RoleAndStateErrors;
}

/**
 * A role, and for a delegate the member state they answer for (only delegates have one). The
 * form reads them as `role` and `memberState`.
 */
export function RoleAndStateFields({ role, onRoleChange, defaultMemberState, errors }: RoleAndStateFieldsProps) {
  return (
    <>
      <SelectField
        label="Role"
        name="role"
        value={role}
        onChange={(event) => onRoleChange(event.target.value as Role)}
        hint={`${ROLE_LABELS[role]}: ${ROLE_DESCRIPTIONS[role]}.`}
        error={errors.role}
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {ROLE_LABELS[option]}
          </option>
        ))}
      </SelectField>
      {role === 'delegate' && <MemberStateSelect defaultValue={defaultMemberState ?? ''} error={errors.memberState} />}
    </>
  );
}

function MemberStateSelect({ defaultValue, error }: { defaultValue: string; error: string | undefined }) {
  const states = useMemberStates();
  const label = 'Member state';
  if (states.isPending) {
    return (
      <SelectField label={label} name="memberState" disabled>
        <option>Loading the member states…</option>
      </SelectField>
    );
  }
  if (states.isError) {
    return (
      <SelectField label={label} name="memberState" disabled error={`The member states could not be loaded: ${messageOf(states.error)}`}>
        <option value="">—</option>
      </SelectField>
    );
  }
  // Inactive states get no new delegates; a delegate's current state stays listed so it can be kept.
  const choices = states.data.filter((state) => state.active || state.code === defaultValue);
  return (
    <SelectField
      label={label}
      name="memberState"
      defaultValue={defaultValue}
      hint="Only active member states are listed."
      error={error}
      required
    >
      <option value="">Choose a member state</option>
      {choices.map((state) => (
        <option key={state.code} value={state.code}>
          {state.name} ({state.code}){state.active ? '' : ' — inactive'}
        </option>
      ))}
    </SelectField>
  );
}
