import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { signInAs, type Caller } from '../../helpers/people.js';
import { expectStatus, signInNamed } from '../responses/support.js';

/**
 * Shared by the export tests: a small questionnaire published through the API (so that exact
 * expected files stay readable), a fixed set of replies made through the real services, and a
 * CSV reader (csv-parse) that checks the file's form on the way.
 */

export const PILOT = 'export-pilot';

/** Every kind of column the exports lay out, and the two marks: personal data and consent. */
export const PILOT_DEFINITION = {
  title: 'Export pilot',
  pages: [
    {
      name: 'respondent',
      title: 'Respondent',
      elements: [
        { type: 'text', name: 'contact_person', title: 'Contact person', personalData: true },
        {
          type: 'radiogroup',
          name: 'consent_publish',
          title: 'May this reply be published?',
          publicationConsent: true,
          choices: [
            { value: 'as_received', text: 'As received' },
            { value: 'anonymised', text: 'Only anonymised' },
            { value: 'not_for_publication', text: 'Not for publication' },
          ],
        },
      ],
    },
    {
      name: 'coordination',
      title: 'Coordination',
      elements: [
        {
          type: 'radiogroup',
          name: 'action_plan',
          title: 'Action plan',
          choices: [
            { value: 'in_force', text: { default: 'In force', de: 'In Kraft' } },
            { value: 'in_preparation', text: 'In preparation' },
            { value: 'none', text: 'None' },
          ],
        },
        { type: 'comment', name: 'plan_note', title: 'About the plan' },
        { type: 'text', name: 'shelter_places', title: 'Shelter places', inputType: 'number' },
        { type: 'boolean', name: 'has_rapporteur', title: 'National rapporteur' },
        {
          type: 'checkbox',
          name: 'roles',
          title: 'Roles',
          showOtherItem: true,
          choices: [
            { value: 'police', text: 'Police' },
            { value: 'ngo', text: 'NGO' },
            // A label a spreadsheet would run as a formula: the summary and the codebook show it.
            { value: 'labour', text: '@labour' },
          ],
        },
        {
          type: 'paneldynamic',
          name: 'orgs',
          title: 'Organisations',
          templateElements: [
            { type: 'text', name: 'org_name', title: 'Name' },
            { type: 'text', name: 'org_contact', title: 'Contact', personalData: true },
          ],
        },
      ],
    },
  ],
};

/** The replies: EE and LV submitted, LT accepted, FI a draft; the other states have none. */
export const PILOT_REPLIES = {
  EE: {
    contact_person: 'Eeva Example',
    consent_publish: 'as_received',
    action_plan: 'in_force',
    plan_note: 'Plan, "2010–2014"\nsecond line',
    shelter_places: 12,
    has_rapporteur: true,
    roles: ['police', 'ngo'],
    orgs: [{ org_name: '=1+1', org_contact: 'a@example.org' }, { org_name: '+x' }],
  },
  LV: {
    consent_publish: 'anonymised',
    action_plan: 'none',
    plan_note: '-3',
    shelter_places: 0,
    has_rapporteur: false,
    roles: ['other'],
    'roles-Comment': '@a',
  },
  LT: { consent_publish: 'not_for_publication', action_plan: 'in_preparation', plan_note: '\tindented', roles: ['ngo'] },
  FI: { action_plan: 'in_force' },
} as const;

export type Pilot = {
  readonly admin: Caller;
  readonly analyst: Caller;
  readonly consultant: Caller;
  readonly version: number;
};

/** Publishes the pilot questionnaire and makes the replies through the real routes. */
export async function setUpPilot(app: FastifyInstance): Promise<Pilot> {
  const admin = await signInAs(app, 'admin');
  const analyst = await signInAs(app, 'analyst');
  const consultant = await signInNamed(app, 'consultant', null, 'Carla Consultant');
  expectStatus(await admin.inject({ method: 'POST', url: '/api/surveys', payload: { id: PILOT, title: 'Export pilot' } }), 201);
  const { version } = expectStatus(await admin.inject({ method: 'POST', url: `/api/surveys/${PILOT}/versions`, payload: { definition: PILOT_DEFINITION } }), 201);
  const path = (state: string, rest = '') => `/api/surveys/${PILOT}/versions/${version}/responses/${state}${rest}`;
  for (const [state, data] of Object.entries(PILOT_REPLIES)) {
    const delegate = await signInNamed(app, 'delegate', state, `Delegate ${state}`);
    expectStatus(await delegate.inject({ method: 'PATCH', url: path(state), payload: { baseRevision: 0, set: data } }), 200);
    if (state !== 'FI') expectStatus(await delegate.inject({ method: 'POST', url: path(state, '/submit'), payload: { revision: 1 } }), 200);
  }
  expectStatus(await consultant.inject({ method: 'POST', url: path('LT', '/accept') }), 200);
  return { admin, analyst, consultant, version };
}

export const pilotExport = (version: number, file: string, query = '') => `/api/surveys/${PILOT}/versions/${version}/export/${file}${query ? `?${query}` : ''}`;

/**
 * The file's lines as cells, after checking its form: a BOM, CRLF line ends, and no line
 * break outside quotes. csv-parse reads the quoting; the apostrophe before a formula-like
 * cell is kept, so tests see exactly what a spreadsheet gets.
 */
export function csvLines(res: LightMyRequestResponse): string[][] {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  const text = res.body;
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = parse(text, { bom: true, record_delimiter: '\r\n', relax_column_count: false }) as string[][];
  // Every record ends with CRLF: the parser found as many as the file has unquoted CRLFs.
  expect(unquotedLineEnds(text.slice(1))).toBe(lines.length);
  return lines;
}

/** Lines as objects keyed by the header. */
export function csvObjects(res: LightMyRequestResponse): Record<string, string>[] {
  const [header, ...rows] = csvLines(res);
  return rows.map((row) => Object.fromEntries((header ?? []).map((key, index) => [key, row[index] ?? ''])));
}

/** Counts CRLFs outside quoted fields, and fails on a bare CR or LF there. */
function unquotedLineEnds(text: string): number {
  let quoted = false;
  let ends = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\r') {
      expect(text[index + 1], `bare CR at ${index}`).toBe('\n');
      ends += 1;
      index += 1;
    } else if (!quoted && char === '\n') throw new Error(`bare LF at ${index}`);
  }
  return ends;
}

export function fileNameOf(res: LightMyRequestResponse): string {
  const match = /^attachment; filename="([^"]+)"$/.exec(String(res.headers['content-disposition']));
  if (!match?.[1]) throw new Error(`no attachment file name: ${String(res.headers['content-disposition'])}`);
  return match[1];
}

export const today = () => new Date().toISOString().slice(0, 10);
