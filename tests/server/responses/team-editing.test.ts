import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { complete, expectStatus, read, revisionsOf, save, signInNamed } from './support.js';

describe('team editing without lost updates', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  const team = async (state: string) => ({
    anna: await signInNamed(app, 'delegate', state, `Anna ${state}`),
    bert: await signInNamed(app, 'delegate', state, `Bert ${state}`),
  });

  it('merges saves that touch different questions, saying which revision they were merged onto', async () => {
    const { anna, bert } = await team('EE');
    expect(expectStatus(await save(anna, 'EE', { baseRevision: 0, set: { action_plan: 'in_force' } }), 200)).toEqual({ revision: 1, status: 'draft' });
    // Bert started from the empty response too.
    expect(expectStatus(await save(bert, 'EE', { baseRevision: 0, set: { national_coordinator: 'yes' } }), 200)).toEqual({
      revision: 2,
      status: 'draft',
      mergedFrom: 1,
    });
    expect(expectStatus(await save(anna, 'EE', { baseRevision: 1, set: { national_rapporteur: 'none' }, unset: ['action_plan'] }), 200)).toEqual({
      revision: 3,
      status: 'draft',
      mergedFrom: 2,
    });
    expect((await read(anna, 'EE')).data).toEqual({ national_coordinator: 'yes', national_rapporteur: 'none' });
    expect((await revisionsOf(anna, 'EE')).map((r) => [r.revision, r.author, r.changed])).toEqual([
      [1, 'Anna EE', ['action_plan']],
      [2, 'Bert EE', ['national_coordinator']],
      [3, 'Anna EE', ['action_plan', 'national_rapporteur']],
    ]);
  });

  it('refuses an overlapping save with the current values and who changed them, saving nothing of it', async () => {
    const { anna, bert } = await team('LV');
    expectStatus(await save(anna, 'LV', { baseRevision: 0, set: { action_plan: 'none' } }), 200);
    expectStatus(await save(anna, 'LV', { baseRevision: 1, set: { action_plan: 'in_force', specialised_ngo_count: 3 } }), 200);
    // Bert still works from revision 1: action_plan overlaps; his other change is not saved either.
    const refused = expectStatus(await save(bert, 'LV', { baseRevision: 1, set: { action_plan: 'in_preparation', mou_count: 2 } }), 409, 'EDIT_CONFLICT');
    expect(refused.error.details).toEqual({
      currentRevision: 2,
      conflicts: [{ question: 'action_plan', currentValue: 'in_force', changedBy: 'Anna LV', changedAt: expect.any(String) }],
    });
    expect(new Date(refused.error.details.conflicts[0].changedAt).getTime()).not.toBeNaN();
    const unset = expectStatus(await save(bert, 'LV', { baseRevision: 1, unset: ['specialised_ngo_count'] }), 409, 'EDIT_CONFLICT');
    expect(unset.error.details.conflicts).toEqual([expect.objectContaining({ question: 'specialised_ngo_count', currentValue: 3 })]);

    const now = await read(bert, 'LV');
    expect(now).toMatchObject({ revision: 2, data: { action_plan: 'in_force', specialised_ngo_count: 3 } });
    expect(await revisionsOf(bert, 'LV')).toHaveLength(2);

    // Having seen revision 2, Bert's save goes through.
    expect(expectStatus(await save(bert, 'LV', { baseRevision: 2, set: { action_plan: 'in_preparation', mou_count: 2 } }), 200)).toEqual({ revision: 3, status: 'draft' });
  });

  it('treats an "other" text as part of its question', async () => {
    const { anna, bert } = await team('LT');
    expectStatus(await save(anna, 'LT', { baseRevision: 0, set: { institution_type: 'other', 'institution_type-Comment': 'Parliament office' } }), 200);
    const refused = expectStatus(await save(bert, 'LT', { baseRevision: 0, set: { 'institution_type-Comment': 'Government office' } }), 409, 'EDIT_CONFLICT');
    expect(refused.error.details.conflicts).toEqual([
      expect.objectContaining({ question: 'institution_type', currentValue: 'other', currentComment: 'Parliament office', changedBy: 'Anna LT' }),
    ]);
    expect((await read(anna, 'LT')).data['institution_type-Comment']).toBe('Parliament office');
  });

  it('does not treat a person’s own later save of a question as a conflict', async () => {
    const { anna, bert } = await team('DK');
    expectStatus(await save(anna, 'DK', { baseRevision: 0, set: { mou_good_practice: 'First draft' } }), 200);
    expectStatus(await save(bert, 'DK', { baseRevision: 1, set: { main_gaps: 'Funding' } }), 200);
    // Anna's editor still thinks it is at revision 1 (say, a second tab): her own question merges.
    expect(expectStatus(await save(anna, 'DK', { baseRevision: 1, set: { mou_good_practice: 'Second draft' } }), 200)).toEqual({
      revision: 3,
      status: 'draft',
      mergedFrom: 2,
    });
    // From revision 0 she overlaps nobody else's answer either.
    expectStatus(await save(anna, 'DK', { baseRevision: 0, set: { mou_good_practice: 'Third draft' } }), 200);
    // Bert overlaps Anna's question from before her saves.
    expectStatus(await save(bert, 'DK', { baseRevision: 1, set: { mou_good_practice: 'Bert’s version' } }), 409, 'EDIT_CONFLICT');
    // Once Bert has saved it after Anna, the latest change is his: Anna's stale editor now conflicts…
    expectStatus(await save(bert, 'DK', { baseRevision: 4, set: { mou_good_practice: 'Bert’s version' } }), 200);
    expectStatus(await save(anna, 'DK', { baseRevision: 3, set: { mou_good_practice: 'Fourth draft' } }), 409, 'EDIT_CONFLICT');
    // …and Bert's own stale editor does not.
    expectStatus(await save(bert, 'DK', { baseRevision: 1, set: { mou_good_practice: 'Bert’s second version' } }), 200);
    expect((await read(bert, 'DK')).data).toEqual({ mou_good_practice: 'Bert’s second version', main_gaps: 'Funding' });
  });

  it('answers 422 before 409: an invalid value with a stale revision saves nothing', async () => {
    const { anna, bert } = await team('NO');
    expectStatus(await save(anna, 'NO', { baseRevision: 0, set: { action_plan: 'none' } }), 200);
    const invalid = expectStatus(await save(bert, 'NO', { baseRevision: 0, set: { action_plan: 'not-a-choice' } }), 422, 'INVALID_ANSWER');
    expect(invalid.error.details).toEqual([{ question: 'action_plan', message: expect.stringContaining('not one of the choices') }]);
    // Stale beyond the current revision: 409, but still 422 first when a value is wrong.
    expectStatus(await save(bert, 'NO', { baseRevision: 5, set: { main_gaps: 'x' } }), 409, 'EDIT_CONFLICT');
    expectStatus(await save(bert, 'NO', { baseRevision: 5, set: { main_gaps: 7 } }), 422, 'INVALID_ANSWER');
    expect(await read(anna, 'NO')).toMatchObject({ revision: 1, data: { action_plan: 'none' } });
  });

  it('writes nothing for a save that changes nothing', async () => {
    const { anna, bert } = await team('PL');
    expect(expectStatus(await save(anna, 'PL', { baseRevision: 0 }), 200)).toEqual({ revision: 0, status: 'not_started' });
    expect(expectStatus(await save(anna, 'PL', { baseRevision: 0, set: {}, unset: ['main_gaps'] }), 200)).toEqual({ revision: 0, status: 'not_started' });
    expect((await read(anna, 'PL')).status).toBe('not_started');

    expectStatus(await save(anna, 'PL', { baseRevision: 0, set: { cooperation_intensity: { police: 'regular', prosecution: 'ad_hoc' } } }), 200);
    // The same value (key order does not matter), an unset of something unanswered, an empty body.
    expect(
      expectStatus(await save(anna, 'PL', { baseRevision: 1, set: { cooperation_intensity: { prosecution: 'ad_hoc', police: 'regular' } }, unset: ['main_gaps'] }), 200),
    ).toEqual({ revision: 1, status: 'draft' });
    expect(expectStatus(await save(anna, 'PL', { baseRevision: 1 }), 200)).toEqual({ revision: 1, status: 'draft' });
    // Bert, from an older revision, sets the value that is already there: nothing to conflict with.
    expect(expectStatus(await save(bert, 'PL', { baseRevision: 0, set: { cooperation_intensity: { police: 'regular', prosecution: 'ad_hoc' } } }), 200)).toEqual({
      revision: 1,
      status: 'draft',
    });
    expect(await revisionsOf(anna, 'PL')).toHaveLength(1);
  });

  it('gives 20+ parallel saves by two delegates distinct revisions 1..N and keeps every value', async () => {
    const { anna, bert } = await team('SE');
    const answers = complete(1);
    const keys = Object.keys(answers).slice(0, 24);
    const results = await Promise.all(
      keys.map((key, index) => save(index % 2 === 0 ? anna : bert, 'SE', { baseRevision: 0, set: { [key]: answers[key] } })),
    );
    for (const res of results) expect(res.statusCode, res.body).toBe(200);
    const revisions = results.map((res) => res.json().revision as number).sort((a, b) => a - b);
    expect(revisions).toEqual(keys.map((_, index) => index + 1));
    // Every save but the first was merged onto the one before it.
    for (const res of results) {
      const body = res.json();
      if (body.revision === 1) expect(body.mergedFrom).toBeUndefined();
      else expect(body.mergedFrom).toBe(body.revision - 1);
    }
    const final = await read(anna, 'SE');
    expect(final.revision).toBe(keys.length);
    expect(final.data).toEqual(Object.fromEntries(keys.map((key) => [key, answers[key]])));
    const history = await revisionsOf(anna, 'SE');
    expect(history.map((r) => r.revision)).toEqual(keys.map((_, index) => index + 1));
    expect(history.flatMap((r) => r.changed).sort()).toEqual([...keys].sort());
  });

  it('gives 20+ parallel saves on the current revision distinct revisions and keeps every value', async () => {
    // All start from revision 1, so each may try the one-statement save at its base; one lands
    // there, the others find the response moved on (in their read or at their write) and merge.
    const { anna, bert } = await team('FI');
    const answers = complete(1);
    const [first, ...keys] = Object.keys(answers).slice(0, 25);
    expectStatus(await save(anna, 'FI', { baseRevision: 0, set: { [first!]: answers[first!] } }), 200);
    const results = await Promise.all(keys.map((key, index) => save(index % 2 === 0 ? anna : bert, 'FI', { baseRevision: 1, set: { [key]: answers[key] } })));
    for (const res of results) expect(res.statusCode, res.body).toBe(200);
    const bodies = results.map((res) => res.json() as { revision: number; mergedFrom?: number });
    expect(bodies.map((body) => body.revision).sort((a, b) => a - b)).toEqual(keys.map((_, index) => index + 2));
    expect(bodies.filter((body) => body.mergedFrom === undefined).map((body) => body.revision)).toEqual([2]);
    const final = await read(anna, 'FI');
    expect(final).toMatchObject({ revision: keys.length + 1, data: Object.fromEntries([first!, ...keys].map((key) => [key, answers[key]])) });
    const history = await revisionsOf(anna, 'FI');
    expect(history.map((r) => r.revision)).toEqual([first!, ...keys].map((_, index) => index + 1));
    expect(history.flatMap((r) => r.changed).sort()).toEqual([first!, ...keys].sort());
  });

  it('never hands out one revision twice when parallel saves overlap', async () => {
    const { anna, bert } = await team('IS');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => save(index % 2 === 0 ? anna : bert, 'IS', { baseRevision: 0, set: { main_gaps: `text ${index}` } })),
    );
    const acknowledged = results.filter((res) => res.statusCode === 200).map((res) => res.json().revision as number);
    for (const res of results) expect([200, 409], res.body).toContain(res.statusCode);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    const history = await revisionsOf(anna, 'IS');
    expect(history.map((r) => r.revision)).toEqual([...acknowledged].sort((a, b) => a - b));
    // Only the first writer's own later saves merged; the other person's all conflicted.
    expect(new Set(history.map((r) => r.author)).size).toBe(1);
    const last = results.findIndex((res) => res.statusCode === 200 && res.json().revision === acknowledged.length);
    expect((await read(anna, 'IS')).data.main_gaps).toBe(`text ${last}`);
  });

  it('lets two first saves at once both land on the one response', async () => {
    const { anna, bert } = await team('RU');
    const [a, b] = await Promise.all([
      save(anna, 'RU', { baseRevision: 0, set: { action_plan: 'none' } }),
      save(bert, 'RU', { baseRevision: 0, set: { inter_agency_body: 'no' } }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect([a.json().revision, b.json().revision].sort()).toEqual([1, 2]);
    expect((await read(anna, 'RU')).data).toEqual({ action_plan: 'none', inter_agency_body: 'no' });
  });
});
