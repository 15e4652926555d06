import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { auditEvents } from '../../helpers/audit-events.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { definitionsFixturesDir } from '../../helpers/test-config.js';

const pilotV1 = JSON.parse(fs.readFileSync(`${definitionsFixturesDir('small')}/pilot/v1.json`, 'utf8'));

describe('the audit of questionnaire versions', () => {
  let app: FastifyInstance;
  let admin: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signInAs(app, 'admin');
    expect((await admin.inject({ method: 'POST', url: '/api/surveys', payload: { id: 'audited', title: 'Audited' } })).statusCode).toBe(201);
  });
  afterAll(() => app.close());

  const publish = () => admin.inject({ method: 'POST', url: '/api/surveys/audited/versions', payload: { definition: pilotV1 } });
  const setStatus = (version: number, status: string) =>
    admin.inject({ method: 'PATCH', url: `/api/surveys/audited/versions/${version}`, payload: { status } });

  it('records who published a version', async () => {
    const res = await publish();
    expect(res.statusCode, res.body).toBe(201);
    const [event] = await auditEvents(app, 'survey.version_published');
    expect(event).toMatchObject({ target: `audited/v${res.json().version}`, actorEmail: admin.user.email, ip: expect.any(String) });
  });

  it('records closing and opening a version, and nothing when the status does not change', async () => {
    const { version } = (await publish()).json();
    expect((await setStatus(version, 'closed')).statusCode).toBe(200);
    expect((await setStatus(version, 'closed')).statusCode).toBe(200);
    expect((await setStatus(version, 'open')).statusCode).toBe(200);
    const target = `audited/v${version}`;
    expect((await auditEvents(app, 'survey.version_closed')).filter((e) => e.target === target)).toHaveLength(1);
    expect((await auditEvents(app, 'survey.version_opened')).filter((e) => e.target === target)).toEqual([
      expect.objectContaining({ actorEmail: admin.user.email }),
    ]);
  });

  it('publishes nothing and closes nothing when the audit event cannot be written', async () => {
    const before = (await app.surveys.list()).find((s) => s.id === 'audited')!.versions;
    const failing = vi.spyOn(app.audit, 'record').mockRejectedValue(new Error('audit table unavailable'));
    try {
      expect((await publish()).statusCode).toBe(500);
      expect((await setStatus(1, 'closed')).statusCode).toBe(500);
    } finally {
      failing.mockRestore();
    }
    expect((await app.surveys.list()).find((s) => s.id === 'audited')!.versions).toEqual(before);
  });

  it('records versions published from definition files at start-up, by no one', async () => {
    const events = await auditEvents(app, 'survey.version_published');
    expect(events.filter((e) => e.target === 'national-cooperation/v1')).toEqual([
      expect.objectContaining({ actorEmail: null, details: { file: expect.stringMatching(/v1\.json$/) } }),
    ]);
  });
});
