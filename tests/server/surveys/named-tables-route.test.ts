import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';

const TABLES_FILE = path.resolve(import.meta.dirname, '../../../survey-definitions/national-cooperation/tables.json');

describe('GET /api/surveys/:surveyId/tables', () => {
  let app: FastifyInstance;
  let analyst: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    analyst = await signInAs(app, 'analyst');
  });
  afterAll(() => app.close());

  it("lists the survey's named tables as tables.json has them, in file order", async () => {
    const res = await analyst.inject({ method: 'GET', url: '/api/surveys/national-cooperation/tables' });

    expect(res.statusCode).toBe(200);
    const file = JSON.parse(fs.readFileSync(TABLES_FILE, 'utf8')) as { tables: unknown[] };
    expect(res.json()).toEqual({ tables: file.tables });
  });

  it('answers an empty list for a survey without tables.json', async () => {
    const admin = await signInAs(app, 'admin');
    const created = await admin.inject({ method: 'POST', url: '/api/surveys', payload: { id: 'no-tables', title: 'Without tables' } });
    expect(created.statusCode).toBe(201);

    const res = await analyst.inject({ method: 'GET', url: '/api/surveys/no-tables/tables' });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ tables: [] });
  });

  it('answers 404 for an unknown survey and 400 for a malformed id', async () => {
    const unknown = await analyst.inject({ method: 'GET', url: '/api/surveys/no-such-survey/tables' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('SURVEY_NOT_FOUND');

    const malformed = await analyst.inject({ method: 'GET', url: '/api/surveys/Not_A_Slug/tables' });
    expect(malformed.statusCode).toBe(400);
  });

  it('is for signed-in people only', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/surveys/national-cooperation/tables' });
    expect(res.statusCode).toBe(401);
  });
});
