/** Active or not, as a word in a coloured pill like the other statuses. */
export function ActiveBadge({ active, inactiveLabel }: { active: boolean; inactiveLabel: string }) {
  return <span className={active ? 'badge badge--active' : 'badge badge--inactive'}>{active ? 'Active' : inactiveLabel}</span>;
}
