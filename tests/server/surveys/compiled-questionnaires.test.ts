import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';

describe('compiled questionnaires', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('reads and compiles a definition once, but re-reads the version status on every load', async () => {
    const readDefinition = vi.spyOn(app.surveys, 'getVersion');
    const first = await app.questionnaires.load('national-cooperation', 2);
    const second = await app.questionnaires.load('national-cooperation', 2);
    expect(second.questionnaire).toBe(first.questionnaire);
    expect(readDefinition).toHaveBeenCalledTimes(1);
    expect(second.record).not.toHaveProperty('definition');

    await app.surveys.setStatus('national-cooperation', 2, 'closed');
    expect((await app.questionnaires.load('national-cooperation', 2)).record.status).toBe('closed');
    expect(readDefinition).toHaveBeenCalledTimes(1);
    readDefinition.mockRestore();
  });

  it('gives a loaded version’s questionnaire without reading its row again', async () => {
    const readRecord = vi.spyOn(app.surveys, 'getVersionInfo');
    try {
      const first = await app.questionnaires.questionnaire('national-cooperation', 1);
      expect(readRecord).toHaveBeenCalledTimes(1);
      expect(await app.questionnaires.questionnaire('national-cooperation', 1)).toBe(first);
      expect((await app.questionnaires.load('national-cooperation', 1)).questionnaire).toBe(first);
      expect(readRecord).toHaveBeenCalledTimes(2);
    } finally {
      readRecord.mockRestore();
    }
  });

  it('warns, once, when a version falls back to survey-core for submissions and progress', async () => {
    const definition = { pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'b', isRequired: true, requiredIf: '{a} = 1' }] }] };
    const { version } = await app.surveys.publishNextVersion('national-cooperation', definition);
    const warn = vi.spyOn(app.log, 'warn');
    try {
      await app.questionnaires.load('national-cooperation', version);
      await app.questionnaires.load('national-cooperation', version);
      await app.questionnaires.load('national-cooperation', 1);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]![0]).toMatchObject({ surveyId: 'national-cooperation', version, reasons: [expect.stringContaining('requiredIf')] });
    } finally {
      warn.mockRestore();
    }
  });

  it('answers an unknown version with 404 SURVEY_VERSION_NOT_FOUND', async () => {
    await expect(app.questionnaires.load('national-cooperation', 99)).rejects.toMatchObject({ statusCode: 404, code: 'SURVEY_VERSION_NOT_FOUND' });
    await expect(app.questionnaires.questionnaire('national-cooperation', 99)).rejects.toMatchObject({ statusCode: 404, code: 'SURVEY_VERSION_NOT_FOUND' });
  });
});
