import type { ResponseStatus, VersionStatus } from '../types/api';

export type BadgeStatus = ResponseStatus | VersionStatus;

const LABELS: Record<BadgeStatus, string> = {
  not_started: 'Not started',
  draft: 'Draft',
  submitted: 'Submitted',
  returned: 'Returned',
  accepted: 'Accepted',
  open: 'Open',
  closed: 'Closed',
};

/** A status as a word in a coloured pill: the colour helps, the word carries the meaning. */
export function StatusBadge({ status }: { status: BadgeStatus }) {
  return <span className={`badge badge--${status.replace('_', '-')}`}>{LABELS[status]}</span>;
}
