import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { AUDIT_BATCH } from '../../../server/responses/history.js';
import { complete, expectStatus, responsesPath, save, signInNamed } from './support.js';

/**
 * A reply's history in sessions, the comparison of two revisions and the audit of a reply
 * (issue 11, items 5–7), through the routes. One Estonian reply, made by two delegates and
 * returned once, serves every test:
 *
 *   1–3   Anna: three saves          → session
 *   4–5   Bert: two saves            → session
 *   6     Anna: the complete answers → session
 *   7     Anna submits               → milestone
 *   8     Carla returns it           → milestone
 *   9–10  Bert: two saves            → session
 */

type HistoryItem = {
  type: 'session' | 'milestone';
  author: string;
  firstRevision?: number;
  lastRevision?: number;
  saves?: number;
  revision?: number;
  kind?: string;
  questions?: Array<{ question: string; title: string }>;
};

const INSTITUTION_TITLE = 'Which type of institution coordinated this reply?';

describe('a reply’s history, comparison and audit', () => {
  let app: FastifyInstance;
  let anna: Caller;
  let bert: Caller;
  let consultant: Caller;
  let analyst: Caller;
  let otherDelegate: Caller;
  const get = (caller: Caller, rest: string, state = 'EE') => caller.inject({ method: 'GET', url: responsesPath(1, state, rest) });

  beforeAll(async () => {
    app = await buildTestApp();
    anna = await signInNamed(app, 'delegate', 'EE', 'Anna Delegate');
    bert = await signInNamed(app, 'delegate', 'EE', 'Bert Delegate');
    consultant = await signInNamed(app, 'consultant', null, 'Carla Consultant');
    analyst = await signInAs(app, 'analyst');
    otherDelegate = await signInAs(app, 'delegate', 'LV');

    let revision = 0;
    const saved = async (caller: Caller, set: Record<string, unknown>, unset?: string[]) => {
      revision = expectStatus(await save(caller, 'EE', { baseRevision: revision, set, ...(unset ? { unset } : {}) }), 200).revision;
    };
    await saved(anna, { institution_type: 'ministry' });
    await saved(anna, { shelter_places: 10 });
    await saved(anna, { main_gaps: '=HYPERLINK("http://example.org")' });
    await saved(bert, { institution_type: 'ngo' });
    await saved(bert, { mou_obstacles: ['data_protection', 'no_legal_basis'] });
    await saved(anna, { ...complete(1), institution_type: 'ngo', shelter_places: 12 });
    expectStatus(await anna.inject({ method: 'POST', url: responsesPath(1, 'EE', '/submit'), payload: { revision } }), 200);
    expectStatus(await consultant.inject({ method: 'POST', url: responsesPath(1, 'EE', '/return'), payload: { message: 'Please check the shelter places.' } }), 200);
    revision = 8;
    await saved(bert, { shelter_places: 14 });
    await saved(bert, { institution_type: 'other', 'institution_type-Comment': 'Inter-ministerial working group' });
  });
  afterAll(() => app.close());

  describe('GET R/{state}/history', () => {
    it('groups consecutive saves by one person into sessions, status changes as milestones, newest first', async () => {
      const history = expectStatus(await get(consultant, '/history'), 200);
      expect(history).toMatchObject({ page: 1, pageSize: 20, totalItems: 6, totalPages: 1, totalRevisions: 10, totalSessions: 4, latestRevision: 10, lastSubmitted: 7, lastReturned: 8 });
      const items = history.items as HistoryItem[];
      expect(items.map((item) => (item.type === 'session' ? `${item.author} ${item.firstRevision}–${item.lastRevision} (${item.saves})` : `${item.kind} ${item.revision} by ${item.author}`))).toEqual([
        'Bert Delegate 9–10 (2)',
        'return 8 by Carla Consultant',
        'submit 7 by Anna Delegate',
        'Anna Delegate 6–6 (1)',
        'Bert Delegate 4–5 (2)',
        'Anna Delegate 1–3 (3)',
      ]);
      // The union of the questions the saves changed, in questionnaire order, with their titles.
      expect(items[0]!.questions).toEqual([
        { question: 'institution_type', title: INSTITUTION_TITLE },
        { question: 'shelter_places', title: 'How many shelter places are available to victims of trafficking?' },
      ]);
      expect(items[5]!.questions!.map((question) => question.question)).toEqual(['institution_type', 'shelter_places', 'main_gaps']);
      expect(items[0]).toMatchObject({ from: expect.any(String), to: expect.any(String) });
    });

    it('pages: the page size, the page, totals on every page, an empty page past the last', async () => {
      const second = expectStatus(await get(consultant, '/history?page=2&pageSize=4'), 200);
      expect(second).toMatchObject({ page: 2, pageSize: 4, totalItems: 6, totalPages: 2, totalRevisions: 10 });
      expect((second.items as HistoryItem[]).map((item) => item.firstRevision ?? item.revision)).toEqual([4, 1]);
      expect(expectStatus(await get(consultant, '/history?page=3&pageSize=4'), 200).items).toEqual([]);
    });

    it('refuses a malformed page (400) and answers an empty history for a state without a reply', async () => {
      expectStatus(await get(consultant, '/history?page=0'), 400);
      expectStatus(await get(consultant, '/history?pageSize=101'), 400);
      expectStatus(await get(consultant, '/history?page=x'), 400);
      expect(expectStatus(await get(consultant, '/history', 'FI'), 200)).toMatchObject({ totalItems: 0, items: [], latestRevision: 0, lastSubmitted: null, lastReturned: null });
      expectStatus(await get(consultant, '/history', 'XX'), 404, 'MEMBER_STATE_NOT_FOUND');
    });

    it('is read by whoever reads the revisions: the state’s delegates and analysts, not another state’s delegate', async () => {
      expectStatus(await get(bert, '/history'), 200);
      expectStatus(await get(analyst, '/history'), 200);
      expectStatus(await get(otherDelegate, '/history'), 404, 'RESPONSE_NOT_FOUND');
    });
  });

  describe('GET R/{state}/compare', () => {
    it('since the return: the changed questions only, in the questionnaire’s words', async () => {
      const comparison = expectStatus(await get(consultant, '/compare?from=8&to=10'), 200);
      expect(comparison.from).toMatchObject({ revision: 8, kind: 'return', status: 'returned', author: 'Carla Consultant' });
      expect(comparison.to).toMatchObject({ revision: 10, kind: 'save', status: 'returned', author: 'Bert Delegate' });
      expect(comparison.changedCount).toBe(2);
      expect(comparison.questions).toEqual([
        {
          question: 'institution_type',
          title: INSTITUTION_TITLE,
          section: 'respondent',
          sectionTitle: 'A. Respondent',
          changed: true,
          old: { value: 'ngo', text: 'Non-governmental organisation' },
          new: { value: 'other', comment: 'Inter-ministerial working group', text: expect.stringMatching(/^Other.*: “Inter-ministerial working group”$/) },
          parts: [{ label: null, old: 'Non-governmental organisation', new: expect.stringMatching(/^Other.*: “Inter-ministerial working group”$/), changed: true }],
        },
        expect.objectContaining({ question: 'shelter_places', changed: true, old: { value: 12, text: '12' }, new: { value: 14, text: '14' } }),
      ]);
    });

    it('all=true: every question, changed or not; from=0: from the empty reply', async () => {
      const all = expectStatus(await get(consultant, '/compare?from=8&to=10&all=true'), 200);
      expect(all.questions.length).toBeGreaterThan(50);
      expect(all.questions.filter((question: { changed: boolean }) => question.changed).map((question: { question: string }) => question.question)).toEqual(['institution_type', 'shelter_places']);
      const first = expectStatus(await get(consultant, '/compare?from=0&to=1'), 200);
      expect(first.from).toBeNull();
      expect(first.questions).toEqual([expect.objectContaining({ question: 'institution_type', old: { value: null, text: null }, new: { value: 'ministry', text: 'Ministry or government office' } })]);
      expect(expectStatus(await get(consultant, '/compare?from=7&to=8'), 200).questions).toEqual([]);
    });

    it('refuses: 400 for a malformed query, 404 for an unknown revision, 422 for from after to, in that order', async () => {
      expectStatus(await get(consultant, '/compare?from=1'), 400);
      expectStatus(await get(consultant, '/compare?from=a&to=2'), 400);
      expectStatus(await get(consultant, '/compare?from=1&to=2&colour=red'), 400);
      expectStatus(await get(consultant, '/compare?from=1&to=11'), 404, 'REVISION_NOT_FOUND');
      expectStatus(await get(consultant, '/compare?from=12&to=2'), 404, 'REVISION_NOT_FOUND');
      expectStatus(await get(consultant, '/compare?from=5&to=2'), 422, 'INVALID_REVISION_RANGE');
      expectStatus(await get(consultant, '/compare?from=0&to=1', 'FI'), 404, 'REVISION_NOT_FOUND');
      expectStatus(await get(otherDelegate, '/compare?from=1&to=2'), 404, 'RESPONSE_NOT_FOUND');
    });
  });

  describe('GET R/{state}/audit and audit.csv', () => {
    /** Every page of the audit, newest first, following nextBefore. */
    async function allAuditPages(state: string, pageSize: number) {
      const pages: Array<{ items: Array<{ revision: number }>; nextBefore: number | null; totalRevisions: number }> = [];
      let before: number | null | undefined;
      do {
        const page = expectStatus(await get(consultant, `/audit?pageSize=${pageSize}${before ? `&before=${before}` : ''}`, state), 200);
        pages.push(page);
        before = page.nextBefore;
      } while (before !== null);
      return pages;
    }

    it('lists every change, newest first, a page of revisions at a time: a line per changed part, a line per status change', async () => {
      const audit = expectStatus(await get(consultant, '/audit?pageSize=3'), 200);
      expect(audit).toMatchObject({ pageSize: 3, totalRevisions: 10, newestRevision: 10, nextBefore: 8 });
      expect(audit.items[0]).toEqual(
        expect.objectContaining({ revision: 10, author: 'Bert Delegate', kind: 'save', question: 'institution_type', questionTitle: INSTITUTION_TITLE, part: null, old: 'Non-governmental organisation' }),
      );
      expect(audit.items.slice(-2)).toEqual([
        expect.objectContaining({ revision: 9, question: 'shelter_places', old: '12', new: '14' }),
        { revision: 8, at: expect.any(String), author: 'Carla Consultant', kind: 'return', status: 'returned', question: null, questionTitle: null, part: null, old: 'submitted', new: 'returned' },
      ]);
      // The next page: the submission (its old status rebuilt from the revisions before it), then the big save of revision 6.
      const next = expectStatus(await get(consultant, '/audit?pageSize=2&before=8'), 200);
      expect(next.items[0]).toMatchObject({ revision: 7, kind: 'submit', old: 'draft', new: 'submitted' });
      expect(new Set(next.items.map((line: { revision: number }) => line.revision))).toEqual(new Set([7, 6]));
      expect(next.nextBefore).toBe(6);
      const pages = await allAuditPages('EE', 3);
      expect(pages).toHaveLength(4);
      expect(pages.at(-1)!.items.at(-1)).toMatchObject({ revision: 1, author: 'Anna Delegate', question: 'institution_type', old: null, new: 'Ministry or government office' });
      expect(expectStatus(await get(consultant, '/audit?before=1'), 200)).toMatchObject({ items: [], nextBefore: null, totalRevisions: 10 });
      expectStatus(await get(consultant, '/audit?before=0'), 400);
      expectStatus(await get(consultant, '/audit?page=2'), 400);
    });

    it('downloads as CSV with the exports’ rules, parsed back as the same values, and records the download', async () => {
      const res = await get(consultant, '/audit.csv');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const day = new Date().toISOString().slice(0, 10);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="national-cooperation_v1_EE_audit_${day}.csv"`);
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      expect(res.body.replace(/\r\n/g, '')).not.toMatch(/\n/);

      const records = parse(res.body, { bom: true }) as string[][];
      expect(records[0]).toEqual(['revision', 'at', 'author', 'kind', 'status', 'question', 'question_title', 'part', 'old_value', 'new_value']);
      const items = (await allAuditPages('EE', 100)).flatMap((page) => page.items);
      expect(records).toHaveLength(items.length + 1);
      const byRevision = (revision: number) => records.slice(1).filter((record) => record[0] === String(revision));
      expect(byRevision(1)).toEqual([['1', expect.any(String), 'Anna Delegate', 'save', 'draft', 'institution_type', INSTITUTION_TITLE, '', '', 'Ministry or government office']]);
      // A formula-like answer is neutralised with an apostrophe, as in the analysis exports.
      expect(byRevision(3)).toEqual([['3', expect.any(String), 'Anna Delegate', 'save', 'draft', 'main_gaps', expect.any(String), '', '', `'=HYPERLINK("http://example.org")`]]);
      expect(byRevision(8)).toEqual([['8', expect.any(String), 'Carla Consultant', 'return', 'returned', '', '', '', 'submitted', 'returned']]);
      expect(byRevision(5)[0]!.slice(5)).toEqual(['mou_obstacles', expect.any(String), '', '', 'No legal basis for agreements between authorities and NGOs, Data protection and confidentiality rules']);
      // Oldest first; the same lines as the JSON audit.
      expect(records.slice(1).map((record) => Number(record[0]))).toEqual(items.reverse().map((item) => item.revision));

      const events = await app.audit.list({ action: 'export.downloaded' });
      expect(events[0]).toMatchObject({
        actorId: consultant.user.id,
        target: 'national-cooperation/1/EE',
        details: { file: `national-cooperation_v1_EE_audit_${day}.csv`, surveyId: 'national-cooperation', version: 1, memberState: 'EE', revisions: 10 },
      });
    });

    it('pages and streams a long history past its snapshots and the CSV’s batches, with the same lines as one pass', async () => {
      // 260 saves, each a new shelter figure: snapshots at 1, 50, 100 …, and two CSV batches of 200 and a part.
      const delegate = await signInNamed(app, 'delegate', 'SE', 'Sven Delegate');
      const saves = AUDIT_BATCH + 60;
      for (let revision = 0; revision < saves; revision += 1) {
        expectStatus(await save(delegate, 'SE', { baseRevision: revision, set: { shelter_places: revision + 1 } }), 200);
      }
      const pages = await allAuditPages('SE', 7);
      expect(pages).toHaveLength(Math.ceil(saves / 7));
      const lines = pages.flatMap((page) => page.items) as Array<{ revision: number; old: string | null; new: string | null }>;
      // Each line's old value is the figure before it, across every page and snapshot boundary.
      expect(lines.map((line) => [line.revision, line.old, line.new])).toEqual(
        Array.from({ length: saves }, (_, index) => saves - index).map((revision) => [revision, revision === 1 ? null : String(revision - 1), String(revision)]),
      );
      const csv = parse((await get(consultant, '/audit.csv', 'SE')).body, { bom: true, columns: true }) as Array<{ revision: string; old_value: string; new_value: string }>;
      expect(csv.map((record) => [Number(record.revision), record.old_value || null, record.new_value])).toEqual(lines.reverse().map((line) => [line.revision, line.old, line.new]));
    }, 120_000);

    it('is refused to another state’s delegate, with nothing recorded', async () => {
      const before = (await app.audit.list({ action: 'export.downloaded' })).length;
      expectStatus(await get(otherDelegate, '/audit.csv'), 404, 'RESPONSE_NOT_FOUND');
      expectStatus(await get(otherDelegate, '/audit'), 404, 'RESPONSE_NOT_FOUND');
      expectStatus(await get(consultant, '/audit.csv', 'XX'), 404, 'MEMBER_STATE_NOT_FOUND');
      expect(await app.audit.list({ action: 'export.downloaded' })).toHaveLength(before);
      expect((await get(bert, '/audit.csv')).statusCode).toBe(200);
    });
  });
});
