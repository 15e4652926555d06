import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { expectStatus, responsesPath, save, signInNamed } from '../responses/support.js';

/**
 * Review comments on a question in one entry of a dynamic panel (issue 11): addressed
 * `<panel>.<entry>.<field>` as the panel's CSV columns are; anything else that looks like it is
 * refused as an unknown question and stores nothing.
 */
describe('review comments on questions inside dynamic panels', () => {
  let app: FastifyInstance;
  let consultant: Caller;
  let delegate: Caller;
  const comments = responsesPath(1, 'EE', '/comments');
  beforeAll(async () => {
    app = await buildTestApp();
    consultant = await signInAs(app, 'consultant');
    delegate = await signInNamed(app, 'delegate', 'EE', 'Eeva Delegate');
    expectStatus(await save(delegate, 'EE', { baseRevision: 0, set: { organisations: [{ org_name: 'Police' }, { org_name: 'Shelter NGO' }] } }), 200);
  });
  afterAll(() => app.close());

  it('takes a comment on a field of an entry, and replies in its thread keep its address', async () => {
    const first = expectStatus(await consultant.inject({ method: 'POST', url: comments, payload: { question: 'organisations.2.org_name', body: 'The full name, please.' } }), 201);
    expect(first).toMatchObject({ question: 'organisations.2.org_name', replyTo: null });
    const reply = expectStatus(await delegate.inject({ method: 'POST', url: comments, payload: { body: 'Done.', replyTo: first.id } }), 201);
    expect(reply).toMatchObject({ question: 'organisations.2.org_name', replyTo: first.id });
    const listed = expectStatus(await delegate.inject({ method: 'GET', url: comments }), 200) as { question: string }[];
    expect(listed.map((comment) => comment.question)).toEqual(['organisations.2.org_name', 'organisations.2.org_name']);
  });

  it.each([
    ['organisations.0.org_name', 'entries count from 1'],
    ['organisations.2.no_such_field', 'not a field of the panel'],
    ['organisations.x.org_name', 'not an entry number'],
    ['organisations.1000000.org_name', 'past the panel’s largest count'],
    ['shelter_places.1.org_name', 'not a dynamic panel'],
    ['organisations.{n}.org_name', 'the catalogue’s placeholder'],
    ['organisations.1', 'no field'],
  ])('refuses %s (%s) and stores nothing', async (question) => {
    const before = (expectStatus(await consultant.inject({ method: 'GET', url: comments }), 200) as unknown[]).length;
    expectStatus(await consultant.inject({ method: 'POST', url: comments, payload: { question, body: 'x' } }), 422, 'UNKNOWN_QUESTION');
    expect(expectStatus(await consultant.inject({ method: 'GET', url: comments }), 200)).toHaveLength(before);
  });
});
