import { describe, expect, it } from 'vitest';
import { filterLines } from '../../../../client/src/features/review/board/board-filter';
import { toColumns, toLines } from '../../../../client/src/features/review/board/board-lines';
import { nextSort, sortLines, type BoardSort } from '../../../../client/src/features/review/board/board-sort';
import { summaryText } from '../../../../client/src/features/review/board/board-summary';
import { readViewState, writeViewState } from '../../../../client/src/features/review/board/board-view-state';
import { surveysFixture } from '../../helpers/fixtures';
import { boardEntry, boardOf } from './board-fixtures';

const columns = toColumns(surveysFixture);
const [training, followUp, baseline] = columns;

describe('the board’s columns and lines', () => {
  it('puts open rounds first, then the newest, each keyed by survey and version', () => {
    expect(columns.map((column) => column.key)).toEqual(['training/1', 'national-cooperation/2', 'national-cooperation/1']);
  });

  it('names a version by its number, with its questionnaire only when the board has several', () => {
    expect(columns.map((column) => column.versionLabel)).toEqual(['Training needs, version 1', 'National cooperation survey, version 2', 'National cooperation survey, version 1']);
    expect(toColumns([surveysFixture[0]!, { id: 'empty', title: 'Not yet published', versions: [] }]).map((column) => column.versionLabel)).toEqual(['Version 2', 'Version 1']);
  });

  it('orders versions published at the same moment by number, the later first', () => {
    const publishedAt = '2009-11-02T09:00:00Z';
    const survey = { id: 'pilot', title: 'Pilot', versions: [1, 2, 3].map((version) => ({ version, title: `Round ${version}`, status: 'open' as const, publishedAt })) };
    expect(toColumns([survey]).map((column) => column.key)).toEqual(['pilot/3', 'pilot/2', 'pilot/1']);
  });

  it('makes one line per member state any version lists, with its cell in each version that lists it', () => {
    const lines = toLines([
      { column: followUp!, board: boardOf('national-cooperation', 2, [boardEntry(), boardEntry({ memberState: 'LV', memberStateName: 'Latvia' })]) },
      { column: baseline!, board: boardOf('national-cooperation', 1, [boardEntry({ status: 'accepted' }), boardEntry({ memberState: 'NO', memberStateName: 'Norway', memberStateActive: false, status: 'accepted' })]) },
    ]);
    expect(lines.map((line) => [line.memberState, line.active, [...line.cells.keys()]])).toEqual([
      ['EE', true, ['national-cooperation/2', 'national-cooperation/1']],
      ['LV', true, ['national-cooperation/2']],
      ['NO', false, ['national-cooperation/1']],
    ]);
  });
});

describe('sorting the lines', () => {
  const lines = toLines([
    {
      column: followUp!,
      board: boardOf('national-cooperation', 2, [
        boardEntry({ memberState: 'SE', memberStateName: 'Sweden', status: 'submitted', submittedAt: '2010-10-02T10:00:00Z', daysSinceSubmission: 5 }),
        boardEntry({ memberState: 'DK', memberStateName: 'Denmark' }),
        boardEntry({ memberState: 'FI', memberStateName: 'Finland', status: 'submitted', submittedAt: '2010-10-02T15:00:00Z', daysSinceSubmission: 5 }),
        boardEntry({ memberState: 'AX', memberStateName: 'Åland', status: 'draft' }),
      ]),
    },
    { column: baseline!, board: boardOf('national-cooperation', 1, [boardEntry({ memberState: 'EE', memberStateName: 'Estonia', status: 'accepted' })]) },
  ]);
  const order = (sort: BoardSort) => sortLines(lines, sort).map((line) => line.memberState);

  it('by name in English alphabetical order', () => {
    expect(order({ by: 'state', direction: 'ascending' })).toEqual(['AX', 'DK', 'EE', 'FI', 'SE']);
    expect(order({ by: 'state', direction: 'descending' })).toEqual(['SE', 'FI', 'EE', 'DK', 'AX']);
  });

  it('by days waiting to the moment, with the replies not waiting last either way', () => {
    expect(order({ by: 'waiting', column: 'national-cooperation/2', direction: 'descending' })).toEqual(['SE', 'FI', 'AX', 'DK', 'EE']);
    expect(order({ by: 'waiting', column: 'national-cooperation/2', direction: 'ascending' })).toEqual(['FI', 'SE', 'AX', 'DK', 'EE']);
  });

  it('by status in the lifecycle’s order, states the version does not list last', () => {
    expect(order({ by: 'status', column: 'national-cooperation/2', direction: 'ascending' })).toEqual(['DK', 'AX', 'FI', 'SE', 'EE']);
    expect(order({ by: 'status', column: 'national-cooperation/2', direction: 'descending' })).toEqual(['FI', 'SE', 'AX', 'DK', 'EE']);
  });

  it('turns round on a second click, and starts each key in its own first direction', () => {
    const byState: BoardSort = { by: 'state', direction: 'ascending' };
    expect(nextSort(byState, { by: 'state' })).toEqual({ by: 'state', direction: 'descending' });
    const waiting = nextSort(byState, { by: 'waiting', column: 'national-cooperation/2' });
    expect(waiting).toEqual({ by: 'waiting', column: 'national-cooperation/2', direction: 'descending' });
    expect(nextSort(waiting, { by: 'waiting', column: 'national-cooperation/2' }).direction).toBe('ascending');
    expect(nextSort(waiting, { by: 'waiting', column: 'national-cooperation/1' })).toEqual({ by: 'waiting', column: 'national-cooperation/1', direction: 'descending' });
    expect(nextSort(waiting, { by: 'status', column: 'national-cooperation/2' }).direction).toBe('ascending');
  });

  it('filters by a cell in any version, or in the one chosen', () => {
    expect(filterLines(lines, 'accepted', { kind: 'any' }).map((line) => line.memberState)).toEqual(['EE']);
    expect(filterLines(lines, 'accepted', { kind: 'column', column: 'national-cooperation/2' })).toEqual([]);
    expect(filterLines(lines, 'all', { kind: 'column', column: 'training/1' })).toHaveLength(5);
  });
});

describe('the summary line', () => {
  it('names the statuses that have replies, with “draft” in the plural when there are several', () => {
    expect(summaryText({ accepted: 4, submitted: 3, returned: 2, draft: 0, notStarted: 2 })).toBe('4 accepted · 3 submitted · 2 returned · 2 not started');
    expect(summaryText({ accepted: 0, submitted: 0, returned: 0, draft: 1, notStarted: 0 })).toBe('1 draft');
    expect(summaryText({ accepted: 0, submitted: 0, returned: 0, draft: 2, notStarted: 10 })).toBe('2 drafts · 10 not started');
    expect(summaryText({ accepted: 0, submitted: 0, returned: 0, draft: 0, notStarted: 0 })).toBe('No member states');
  });
});

describe('the view in the address', () => {
  const keys = columns.map((column) => column.key);

  it('leaves out the defaults and reads back what it wrote', () => {
    expect(writeViewState({ filter: 'all', scope: { kind: 'any' }, sort: { by: 'state', direction: 'ascending' } }).toString()).toBe('');
    const state = { filter: 'returned', scope: { kind: 'column', column: training!.key }, sort: { by: 'activity', column: followUp!.key, direction: 'descending' } } as const;
    const params = writeViewState(state);
    expect(params.toString()).toBe('show=returned&in=training%2F1&sort=activity&column=national-cooperation%2F2&order=desc');
    expect(readViewState(params, keys)).toEqual(state);
    expect(readViewState(new URLSearchParams('sort=state&order=desc'), keys).sort).toEqual({ by: 'state', direction: 'descending' });
  });

  it('falls back to the default for anything it does not know', () => {
    expect(readViewState(new URLSearchParams('show=toString&in=training%2F9&sort=activity&column=training%2F1'), keys)).toEqual({
      filter: 'all',
      scope: { kind: 'any' },
      sort: { by: 'state', direction: 'ascending' },
    });
    expect(readViewState(new URLSearchParams('sort=status&column=nowhere&order=asc'), keys).sort).toEqual({ by: 'state', direction: 'ascending' });
  });
});
