import { useMemberStateName } from '../../../api/get-member-states';
import { ConfirmAction } from '../../../components/confirm-action';
import { DataTable } from '../../../components/data-table';
import { queryView } from '../../../components/feedback/query-view';
import { ROLE_LABELS } from '../../../config/roles';
import { formatDate } from '../../../lib/format-date';
import { useInvitations, type PendingInvitation } from '../api/get-invitations';
import { useWithdrawInvitation } from '../api/withdraw-invitation';

export function InvitationList() {
  const invitations = useInvitations();

  const view = queryView(invitations, {
    loading: 'Loading the invitations…',
    errorTitle: 'The invitations could not be loaded',
    empty: { title: 'No pending invitations', body: 'Invitations appear here until they are accepted, withdrawn or expire.' },
  });
  if ('element' in view) return view.element;
  return (
    <>
      <p className="muted">
        A link cannot be shown again. To send it once more, withdraw the invitation and create a new one.
      </p>
      <DataTable columns={['E-mail', 'Name', 'Role', 'Member state', 'Created', 'Expires']}>
        {view.data.map((invitation) => (
          <InvitationRow key={invitation.id} invitation={invitation} />
        ))}
      </DataTable>
    </>
  );
}

function InvitationRow({ invitation }: { invitation: PendingInvitation }) {
  const withdraw = useWithdrawInvitation();
  const stateName = useMemberStateName(invitation.memberState);
  return (
    <tr>
      <th scope="row">{invitation.email}</th>
      <td>{invitation.name ?? '—'}</td>
      <td>{ROLE_LABELS[invitation.role]}</td>
      <td>{stateName ?? '—'}</td>
      <td>
        <time dateTime={invitation.createdAt}>{formatDate(invitation.createdAt)}</time>
      </td>
      <td>
        <time dateTime={invitation.expiresAt}>{formatDate(invitation.expiresAt)}</time>
      </td>
      <td className="table__actions">
        <div className="button-row">
          <ConfirmAction
            question={`Withdraw the invitation for ${invitation.email}? Its link stops working at once.`}
            confirmLabel="Withdraw"
            pendingLabel="Withdrawing…"
            onConfirm={() => withdraw.mutateAsync({ id: invitation.id })}
            destructive
          >
            Withdraw<span className="visually-hidden"> the invitation for {invitation.email}</span>
          </ConfirmAction>
        </div>
      </td>
    </tr>
  );
}
