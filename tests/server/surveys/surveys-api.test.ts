import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { definitionsFixturesDir } from '../../helpers/test-config.js';
import { signInAs, type Caller } from '../../helpers/people.js';

const pilotV1 = JSON.parse(fs.readFileSync(`${definitionsFixturesDir('small')}/pilot/v1.json`, 'utf8'));

describe('questionnaires API', () => {
  let app: FastifyInstance;
  let admin: Caller;
  let delegate: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signInAs(app, 'admin');
    delegate = await signInAs(app, 'delegate', 'EE');
  });
  afterAll(() => app.close());

  it('lists questionnaires with their versions', async () => {
    const res = await delegate.inject({ method: 'GET', url: '/api/surveys' });
    expect(res.statusCode).toBe(200);
    const real = res.json().find((s: { id: string }) => s.id === 'national-cooperation');
    expect(real.versions).toEqual([
      { version: 1, title: expect.any(String), status: 'open', publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
      { version: 2, title: expect.any(String), status: 'open', publishedAt: expect.any(String) },
    ]);
  });

  it('serves a version with a strong ETag and answers 304 to If-None-Match', async () => {
    const res = await delegate.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const body = res.json();
    expect(body).toMatchObject({ surveyId: 'national-cooperation', version: 1, status: 'open' });
    expect(body.definition.pages.length).toBeGreaterThan(10);

    const again = await delegate.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/1', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await delegate.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/2', headers: { 'if-none-match': etag } });
    expect(other.statusCode).toBe(200);
  });

  it('changes the ETag when the version is closed', async () => {
    const created = await admin.inject({ method: 'POST', url: '/api/surveys', payload: { id: 'etag-check', title: 'ETag check' } });
    expect(created.statusCode).toBe(201);
    await admin.inject({ method: 'POST', url: '/api/surveys/etag-check/versions', payload: { definition: pilotV1 } });
    const before = (await delegate.inject({ method: 'GET', url: '/api/surveys/etag-check/versions/1' })).headers.etag as string;
    const closed = await admin.inject({ method: 'PATCH', url: '/api/surveys/etag-check/versions/1', payload: { status: 'closed' } });
    expect(closed.json()).toMatchObject({ version: 1, status: 'closed' });
    const after = await delegate.inject({ method: 'GET', url: '/api/surveys/etag-check/versions/1', headers: { 'if-none-match': before } });
    expect(after.statusCode).toBe(200);
    expect(after.json().status).toBe('closed');
  });

  it('answers unknown versions and surveys with 404, malformed ones with 400', async () => {
    expect((await delegate.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/9' })).statusCode).toBe(404);
    expect((await delegate.inject({ method: 'GET', url: '/api/surveys/nope/versions/1' })).json().error.code).toBe('SURVEY_VERSION_NOT_FOUND');
    const bad = await delegate.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/one' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_REQUEST');
  });

  it('creates a questionnaire once; a second with the same id is a conflict', async () => {
    const created = await admin.inject({ method: 'POST', url: '/api/surveys', payload: { id: 'follow-up-2011', title: 'Follow-up 2011' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: 'follow-up-2011', title: 'Follow-up 2011' });
    const again = await admin.inject({ method: 'POST', url: '/api/surveys', payload: { id: 'follow-up-2011', title: 'Again' } });
    expect(again.statusCode).toBe(409);
    expect((await admin.inject({ method: 'POST', url: '/api/surveys', payload: { id: 'Bad Id', title: 'x' } })).statusCode).toBe(400);
    expect((await admin.inject({ method: 'POST', url: '/api/surveys', payload: { id: 'blank', title: '   ' } })).statusCode).toBe(422);
  });

  it('publishes checked versions in sequence and refuses invalid definitions with reasons', async () => {
    await admin.inject({ method: 'POST', url: '/api/surveys', payload: { id: 'publishing', title: 'Publishing' } });
    const first = await admin.inject({ method: 'POST', url: '/api/surveys/publishing/versions', payload: { definition: pilotV1 } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ version: 1 });
    // The same content may be published again as the next version; earlier versions are untouched.
    const second = await admin.inject({ method: 'POST', url: '/api/surveys/publishing/versions', payload: { definition: pilotV1 } });
    expect(second.json()).toEqual({ version: 2 });

    const duplicateNames = { pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }, { type: 'comment', name: 'q' }] }] };
    const invalid = await admin.inject({ method: 'POST', url: '/api/surveys/publishing/versions', payload: { definition: duplicateNames } });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.code).toBe('INVALID_DEFINITION');
    expect(invalid.json().error.details.join(' ')).toMatch(/q/);
    expect((await admin.inject({ method: 'POST', url: '/api/surveys/publishing/versions', payload: { definition: 'text' } })).statusCode).toBe(400);
    expect((await admin.inject({ method: 'POST', url: '/api/surveys/missing/versions', payload: { definition: pilotV1 } })).statusCode).toBe(404);
    expect((await delegate.inject({ method: 'GET', url: '/api/surveys/publishing/versions/3' })).statusCode).toBe(404);
  });

  it('refuses bodies that are too large, not JSON, or of another content type', async () => {
    const huge = await admin.inject({ method: 'POST', url: '/api/surveys', payload: { id: 'big', title: 'x'.repeat(2 * 1024 * 1024) } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('BODY_TOO_LARGE');
    const text = await admin.inject({ method: 'POST', url: '/api/surveys', payload: 'id=x', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(415);
  });

  it('serves the catalogue of a version, keyed by CSV column', async () => {
    const res = await delegate.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/1/catalogue' });
    expect(res.statusCode).toBe(200);
    const variables = res.json().variables as Array<{ key: string; question: string; section: string; type: string; choices?: unknown[] }>;
    const actionPlan = variables.find((v) => v.key === 'action_plan');
    expect(actionPlan).toMatchObject({ question: 'action_plan', section: 'coordination', type: 'choice' });
    expect(actionPlan?.choices?.length).toBeGreaterThan(1);
    expect(new Set(variables.map((v) => v.key)).size).toBe(variables.length);
  });

  it('serves only the documented fields of a variable, not what the server keeps for itself', async () => {
    const definition = {
      pages: [
        {
          name: 'basics',
          elements: [
            { type: 'boolean', name: 'funded', labelTrue: 'Funded', labelFalse: 'Not funded' },
            { type: 'radiogroup', name: 'lead', choices: [{ value: 'ministry', text: { default: 'Ministry', fi: 'Ministeriö' } }, 'agency'] },
            { type: 'matrix', name: 'shelters', rows: ['adults'], columns: ['yes', 'no'] },
          ],
        },
      ],
    };
    await admin.inject({ method: 'POST', url: '/api/surveys', payload: { id: 'served-fields', title: 'Served fields' } });
    const published = await admin.inject({ method: 'POST', url: '/api/surveys/served-fields/versions', payload: { definition } });
    expect(published.statusCode).toBe(201);

    const res = await delegate.inject({ method: 'GET', url: '/api/surveys/served-fields/versions/1/catalogue' });
    expect(res.statusCode).toBe(200);
    const variables = res.json().variables as Array<Record<string, unknown> & { choices?: Array<Record<string, unknown>> }>;
    expect(variables.map((variable) => variable.key)).toEqual(['funded', 'lead', 'shelters.adults']);
    for (const variable of variables) {
      expect(variable).not.toHaveProperty('path');
      expect(variable).not.toHaveProperty('part');
      expect(variable).not.toHaveProperty('stored');
      for (const choice of variable.choices ?? []) expect(Object.keys(choice).sort()).toEqual(['label', 'value']);
    }
    expect(variables[1]!.choices).toEqual([
      { value: 'ministry', label: 'Ministry' },
      { value: 'agency', label: 'agency' },
    ]);
  });

  it("serves each variable's question title and part titles, whole and translated", async () => {
    const definition = {
      pages: [
        {
          name: 'support',
          elements: [
            { type: 'text', name: 'coordinator', title: { default: 'Coordinator — national', de: 'Koordinator' } },
            {
              type: 'matrix',
              name: 'shelters',
              title: 'Shelters — by group',
              rows: [{ value: 'adults', text: { default: 'Adults — over 18', fi: 'Aikuiset' } }],
              columns: ['yes', 'no'],
            },
          ],
        },
      ],
    };
    await admin.inject({ method: 'POST', url: '/api/surveys', payload: { id: 'part-titles', title: 'Part titles' } });
    const published = await admin.inject({ method: 'POST', url: '/api/surveys/part-titles/versions', payload: { definition } });
    expect(published.statusCode).toBe(201);

    const res = await delegate.inject({ method: 'GET', url: '/api/surveys/part-titles/versions/1/catalogue' });
    expect(res.statusCode).toBe(200);
    const [coordinator, adults] = res.json().variables;
    expect(coordinator).toMatchObject({ key: 'coordinator', title: 'Coordinator — national', questionTitle: 'Coordinator — national', questionTitles: { de: 'Koordinator' } });
    expect(coordinator).not.toHaveProperty('partTitles');
    expect(adults).toMatchObject({
      key: 'shelters.adults',
      title: 'Shelters — by group — Adults — over 18',
      titles: { fi: 'Shelters — by group — Aikuiset' },
      questionTitle: 'Shelters — by group',
      partTitles: ['Adults — over 18'],
      partTitlesByLocale: { fi: ['Aikuiset'] },
    });
  });
});
