import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { get, importTestSurvey, TEST_SURVEY } from './support.js';

type CodebookVariable = { key: string; personalData: boolean; sectionTitle: string; title: string; choices: Array<{ value: unknown; label: string }> };

describe('GET …/codebook', () => {
  let app: FastifyInstance;
  let analyst: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    await importTestSurvey(app);
    analyst = await signInAs(app, 'analyst');
  });
  afterAll(() => app.close());

  it('lists every variable of the real questionnaire, personal data included and marked', async () => {
    const { variables } = await get(analyst, '/api/surveys/national-cooperation/versions/2/codebook');
    const catalogue = await get(analyst, '/api/surveys/national-cooperation/versions/2/catalogue');
    expect(variables.map((variable: CodebookVariable) => variable.key)).toEqual(catalogue.variables.map((variable: { key: string }) => variable.key));
    const byKey = new Map((variables as CodebookVariable[]).map((variable) => [variable.key, variable]));
    expect(byKey.get('contact_person.email')).toMatchObject({ personalData: true, section: 'respondent', sectionTitle: 'A. Respondent', type: 'text', choices: [] });
    expect(byKey.get('organisations.{n}.org_contact')).toMatchObject({ personalData: true });
    expect(byKey.get('consent_publish')).toMatchObject({
      personalData: false,
      choices: [
        { value: 'as_received', label: expect.stringContaining('as received') },
        { value: 'anonymised', label: expect.stringContaining('anonymised') },
        { value: 'not_for_publication', label: expect.any(String) },
      ],
    });
    // The catalogue serves the mark too.
    expect(catalogue.variables.find((variable: { key: string }) => variable.key === 'contact_person.name')).toMatchObject({ personalData: true });
    expect(catalogue.variables.find((variable: { key: string }) => variable.key === 'consent_publish')).toMatchObject({ publicationConsent: true });
  });

  it('speaks the locale asked for, and refuses one the definition has no texts in', async () => {
    const { variables } = await get(analyst, `/api/surveys/${TEST_SURVEY}/versions/1/codebook?locale=de`);
    expect(variables.find((variable: CodebookVariable) => variable.key === 'plan')).toEqual({
      key: 'plan',
      question: 'plan',
      section: 'coordination',
      sectionTitle: 'Koordinierung',
      type: 'choice',
      questionType: 'radiogroup',
      title: 'Gibt es einen Aktionsplan?',
      personalData: false,
      choices: [
        { value: 'in_force', label: 'In Kraft' },
        { value: 'drafting', label: 'In Arbeit' },
        { value: 'none', label: 'Nein' },
      ],
    });
    const res = await analyst.inject({ method: 'GET', url: `/api/surveys/${TEST_SURVEY}/versions/1/codebook?locale=fr` });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'INVALID_FILTER', details: [{ parameter: 'locale', value: 'fr' }] });
  });

  it('answers 404 for an unknown version and 403 to delegates', async () => {
    expect((await analyst.inject({ method: 'GET', url: `/api/surveys/${TEST_SURVEY}/versions/3/codebook` })).statusCode).toBe(404);
    const delegate = await signInAs(app, 'delegate', 'EE');
    expect((await delegate.inject({ method: 'GET', url: `/api/surveys/${TEST_SURVEY}/versions/1/codebook` })).statusCode).toBe(403);
  });
});
