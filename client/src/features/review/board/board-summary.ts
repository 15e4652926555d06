import type { BoardSummary } from '../api/get-review-board';

const PARTS: ReadonlyArray<readonly [keyof BoardSummary, (count: number) => string]> = [
  ['accepted', (n) => `${n} accepted`],
  ['submitted', (n) => `${n} submitted`],
  ['returned', (n) => `${n} returned`],
  ['draft', (n) => `${n} ${n === 1 ? 'draft' : 'drafts'}`],
  ['notStarted', (n) => `${n} not started`],
];

/** "4 accepted · 3 submitted · 2 returned · 2 not started": the statuses that have replies, in the lifecycle's reverse. */
export function summaryText(summary: BoardSummary): string {
  const parts = PARTS.filter(([key]) => summary[key] > 0).map(([key, text]) => text(summary[key]));
  return parts.length > 0 ? parts.join(' · ') : 'No member states';
}
