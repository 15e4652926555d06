import type { CountableStatus } from '../api/analysis-filter';

/** "submitted or accepted", "draft, submitted or accepted": which replies count, in words. */
export function statusWords(statuses: readonly CountableStatus[]): string {
  if (statuses.length <= 1) return statuses.join('');
  return `${statuses.slice(0, -1).join(', ')} or ${statuses[statuses.length - 1]}`;
}
