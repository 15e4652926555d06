import { Fragment, useEffect, useRef, useState } from 'react';
import { useMemberStateName } from '../../../api/get-member-states';
import { DataTable, spanOf } from '../../../components/data-table';
import { queryView } from '../../../components/feedback/query-view';
import { ROLE_LABELS } from '../../../config/roles';
import { formatDate } from '../../../lib/format-date';
import { usePeople, type Person } from '../api/get-people';
import { ActiveBadge } from './active-badge';
import { PersonManager } from './person-manager';

const COLUMNS = ['Name', 'E-mail', 'Role', 'Member state', 'Status', 'Created'];

export function PeopleTable({ currentUserId }: { currentUserId: string }) {
  const people = usePeople();
  const [managing, setManaging] = useState<string | null>(null);

  const view = queryView(people, {
    loading: 'Loading the people…',
    errorTitle: 'The people could not be loaded',
    empty: { title: 'Nobody has an account yet', body: 'People appear here once they accept their invitation.' },
  });
  if ('element' in view) return view.element;
  return (
    <DataTable columns={COLUMNS}>
      {view.data.map((person) => {
        const open = managing === person.id;
        const panelId = `manage-${person.id}`;
        return (
          <Fragment key={person.id}>
            <PersonRow
              person={person}
              isYou={person.id === currentUserId}
              open={open}
              panelId={panelId}
              onToggle={() => setManaging(open ? null : person.id)}
            />
            {open && (
              <tr id={panelId} className="table__detail">
                <td colSpan={spanOf(COLUMNS)}>
                  <PersonManager person={person} isYou={person.id === currentUserId} onClose={() => setManaging(null)} />
                </td>
              </tr>
            )}
          </Fragment>
        );
      })}
    </DataTable>
  );
}

interface PersonRowProps {
  person: Person;
  isYou: boolean;
  open: boolean;
  panelId: string;
  onToggle: () => void;
}

function PersonRow({ person, isYou, open, panelId, onToggle }: PersonRowProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  const stateName = useMemberStateName(person.memberState);
  useEffect(() => {
    // Closing the panel removes what had the focus: give it back to the button that opened it.
    if (wasOpen.current && !open && document.activeElement === document.body) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <tr>
      <th scope="row">
        {person.name}
        {isYou && <span className="muted"> (you)</span>}
      </th>
      <td>{person.email}</td>
      <td>{ROLE_LABELS[person.role]}</td>
      <td>{stateName ?? '—'}</td>
      <td>
        <ActiveBadge active={person.disabledAt === null} inactiveLabel="Disabled" />
        {person.mustChangePassword && <span className="table__note">Must choose a new password</span>}
      </td>
      <td>
        <time dateTime={person.createdAt}>{formatDate(person.createdAt)}</time>
      </td>
      <td className="table__actions">
        <div className="button-row">
          <button
            ref={buttonRef}
            type="button"
            className="button button--secondary button--small"
            aria-expanded={open}
            aria-controls={open ? panelId : undefined}
            onClick={onToggle}
          >
            Manage<span className="visually-hidden"> {person.name}</span>
          </button>
        </div>
      </td>
    </tr>
  );
}
