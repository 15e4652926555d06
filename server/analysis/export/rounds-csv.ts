import type { CsvRecords } from './csv-encoder.js';
import type { RoundsResult } from '../service.js';

/**
 * rounds.csv: the two rounds side by side as GET /rounds shows them, a line per member state
 * and variable — what each round answered (the earlier one carried through the crosswalk, in
 * the later version's codes) and whether it changed. With values=labels the value columns
 * read as the labels do, as in the long responses CSV.
 */

export const ROUNDS_COLUMNS = ['member_state', 'member_state_name', 'variable', 'kind', 'title', 'from_value', 'from_label', 'to_value', 'to_label', 'changed'] as const;

export function* roundsRecords(rounds: RoundsResult, values: 'codes' | 'labels'): Generator<CsvRecords> {
  yield [ROUNDS_COLUMNS];
  const variables = new Map(rounds.variables.map((variable) => [variable.key, variable]));
  const shown = (side: { value: string | number | null; label: string | null } | null) => (values === 'labels' ? (side?.label ?? side?.value ?? null) : (side?.value ?? null));
  for (const row of rounds.rows) {
    yield row.cells.map((cell) => {
      const variable = variables.get(cell.key);
      return [
        row.memberState,
        row.memberStateName,
        cell.key,
        variable?.kind ?? null,
        variable?.title ?? null,
        shown(cell.from),
        cell.from?.label ?? null,
        shown(cell.to),
        cell.to?.label ?? null,
        cell.changed ? 1 : 0,
      ];
    });
  }
}
