import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, readWorkbenchState, workbenchSearch } from '../../../../client/src/features/analysis/workbench/workbench-state';

const read = (query: string) => readWorkbenchState(new URLSearchParams(query));

describe('the workbench state in the address', () => {
  it('reads back what it writes', () => {
    const state = {
      ...INITIAL_STATE,
      surveyId: 'national-cooperation',
      rounds: { kind: 'two' as const, from: 1, to: 2 },
      selection: { kind: 'questions' as const, questions: ['action_plan', 'joint_training'] },
      statuses: ['draft', 'accepted'] as const,
      locale: 'de',
      audience: 'publication' as const,
      transposed: true,
      focus: 'action_plan',
    };

    const search = workbenchSearch(state);

    expect(search.toString()).toBe(
      'survey=national-cooperation&from=1&to=2&questions=action_plan%2Cjoint_training&status=draft%2Caccepted&locale=de&for=publication&transpose=1&show=action_plan',
    );
    expect(readWorkbenchState(search)).toEqual(state);
  });

  it('writes nothing for the defaults', () => {
    expect(workbenchSearch(INITIAL_STATE).toString()).toBe('');
    expect(read('')).toEqual(INITIAL_STATE);
  });

  it('reads a named table before questions, and questions once each', () => {
    expect(read('table=training&questions=a').selection).toEqual({ kind: 'table', table: 'training' });
    expect(read('questions=a,,b,a').selection).toEqual({ kind: 'questions', questions: ['a', 'b'] });
  });

  it('reads what makes no sense as not chosen, never as an error', () => {
    expect(read('version=0').rounds).toEqual({ kind: 'one', version: null });
    expect(read('from=2&to=1&version=2').rounds).toEqual({ kind: 'one', version: 2 });
    expect(read('from=1').rounds).toEqual({ kind: 'one', version: null });
    expect(read('status=bogus').statuses).toEqual(['submitted', 'accepted']);
    expect(read('status=accepted,bogus,draft').statuses).toEqual(['draft', 'accepted']);
    expect(read('for=everyone').audience).toBe('analysis');
  });
});
