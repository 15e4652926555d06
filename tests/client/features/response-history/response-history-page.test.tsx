import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ResponseHistoryPage } from '../../../../client/src/features/response-history/components/response-history-page';
import { json, sent, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { errorResponse } from '../../helpers/fake-fetch';
import { surveysFixture } from '../../helpers/fixtures';
import { consultantUser, memberStatesFixture, signedInAs } from '../../helpers/people-fixtures';
import { renderApp, renderRoutes } from '../../helpers/render';
import { CATALOGUE, R, catalogueFixture, revisionDataFixture, revisionsFixture } from './history-fixtures';

function historyApi(overrides: Record<string, ApiHandler> = {}): Record<string, ApiHandler> {
  const revisionRoutes = Object.fromEntries(
    Object.entries(revisionDataFixture).map(([revision, data]) => [`GET ${R}/revisions/${revision}`, json(200, data)]),
  );
  return {
    'GET /api/surveys': json(200, surveysFixture),
    'GET /api/member-states': json(200, memberStatesFixture),
    [`GET ${CATALOGUE}`]: json(200, catalogueFixture),
    [`GET ${R}/revisions`]: json(200, revisionsFixture),
    ...revisionRoutes,
    ...overrides,
  };
}

function renderHistory(overrides: Record<string, ApiHandler> = {}) {
  const requests = stubApi(historyApi(overrides));
  renderRoutes([{ path: '/', element: <ResponseHistoryPage surveyId="national-cooperation" version={2} state="EE" /> }], '/');
  return requests;
}

async function revision(number: number) {
  return within(await screen.findByRole('region', { name: new RegExp(`^Revision ${number}:`) }));
}

async function showChanges(number: number) {
  await userEvent.click(await screen.findByRole('button', { name: `Show changes of revision ${number}` }));
  return within(await screen.findByRole('list', { name: `Changes of revision ${number}` }));
}

/** The change of one question, found by its title. */
function changeOf(changes: ReturnType<typeof within>, title: string): HTMLElement {
  return changes.getByRole('heading', { name: title }).closest('li')!;
}

/** The before and after texts of a change, in order (with those of its comment, if shown). */
function sides(change: HTMLElement): (string | null)[] {
  return within(change)
    .getAllByRole('definition')
    .map((side) => side.textContent);
}

describe('Response history page', () => {
  it('names the questionnaire and the member state, and leads back to the reply', async () => {
    renderHistory();

    expect(await screen.findByRole('heading', { level: 1, name: '2010 follow-up · Estonia' })).toBeTruthy();
    expect(screen.getByText(/National cooperation survey, version 2\. Every revision of Estonia's reply/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the reply' }).getAttribute('href')).toBe(
      '/questionnaires/national-cooperation/versions/2/responses/EE',
    );
  });

  it('lists the revisions newest first: what made them, who, the status after, and the questions changed', async () => {
    renderHistory();

    const list = await screen.findByRole('list', { name: 'Revisions, newest first' });
    const headings = within(list)
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    expect(headings).toEqual([
      'Revision 5: Saved',
      'Revision 4: Returned',
      'Revision 3: Submitted',
      'Revision 2: Saved',
      'Revision 1: Saved',
    ]);

    const returned = await revision(4);
    expect(returned.getByText('By Carl Consultant')).toBeTruthy();
    expect(returned.getByText(/23 September 2010/)).toBeTruthy();
    expect(returned.getByText('Returned', { selector: '.badge' })).toBeTruthy();
    expect(returned.getByText('No answers changed.')).toBeTruthy();
    expect(returned.queryByRole('button', { name: /Show changes/ })).toBeNull();

    const saved = await revision(2);
    expect(saved.getByText('By Erik Delegate')).toBeTruthy();
    expect(saved.getByText('Draft')).toBeTruthy();
    const questions = saved.getByRole('list', { name: 'Questions changed in revision 2' });
    expect(within(questions).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Which areas does the plan cover?',
      'Shelters',
      'Partner organisations',
      'Is the plan funded?',
    ]);
  });

  it('shows a question the catalogue does not know by its name', async () => {
    renderHistory();

    const questions = (await revision(5)).getByRole('list', { name: 'Questions changed in revision 5' });
    expect(within(questions).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Is a national action plan in force?',
      'Who is the national coordinator?',
      'unlisted',
    ]);
  });

  it('shows the changes of a revision question by question, before and after, in words', async () => {
    const requests = renderHistory();

    const changes = await showChanges(5);
    expect(sides(changeOf(changes, 'Is a national action plan in force?'))).toEqual(['In preparation', 'In force']);
    expect(sides(changeOf(changes, 'Who is the national coordinator?'))).toEqual(['Ministry of the Interior', '—no answer']);
    expect(sides(changeOf(changes, 'unlisted'))).toEqual(['—no answer', 'kept']);
    expect(screen.getByRole('button', { name: 'Hide changes of revision 5' }).getAttribute('aria-expanded')).toBe('true');
    expect(sent(requests, `GET ${R}/revisions/5`)).toHaveLength(1);
    expect(sent(requests, `GET ${R}/revisions/4`)).toHaveLength(1);
  });

  it('lists ticked choices, the "other" text, matrix rows and panel entries readably', async () => {
    renderHistory();

    const changes = await showChanges(2);
    const areas = changeOf(changes, 'Which areas does the plan cover?');
    expect(sides(areas)).toEqual(['—no answer', 'Labour exploitation, Other (describe)', '—no answer', 'Forced begging']);
    expect(within(areas).getByText('Other (describe)', { selector: 'p' })).toBeTruthy();

    const shelters = changeOf(changes, 'Shelters');
    const rows = within(within(shelters).getAllByRole('definition')[1]!).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual(['Adults: Available', 'Children: Not available']);

    const orgs = changeOf(changes, 'Partner organisations');
    const entry = within(within(orgs).getAllByRole('definition')[1]!).getAllByRole('listitem')[0]!;
    expect(entry.textContent).toMatch(/^Entry 1:/);
    expect(within(entry).getAllByRole('listitem').map((field) => field.textContent)).toEqual(['Name: Living for Tomorrow', 'Kind: NGO']);

    expect(sides(changeOf(changes, 'Is the plan funded?'))).toEqual(['—no answer', 'Not funded']);
  });

  it('compares the first revision with no answers at all', async () => {
    const requests = renderHistory();

    const changes = await showChanges(1);
    expect(sides(changeOf(changes, 'Is a national action plan in force?'))).toEqual(['—no answer', 'In preparation']);
    expect(sent(requests, `GET ${R}/revisions/0`)).toHaveLength(0);
  });

  it('says so when the changes cannot be loaded', async () => {
    renderHistory({ [`GET ${R}/revisions/4`]: () => errorResponse(500, 'INTERNAL', 'The server could not answer just now.') });

    await userEvent.click(await screen.findByRole('button', { name: 'Show changes of revision 5' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'The changes could not be loaded' })).toBeTruthy();
  });

  it('shows the questions by their names when the catalogue cannot be loaded', async () => {
    renderHistory({ [`GET ${CATALOGUE}`]: () => errorResponse(500, 'INTERNAL', 'The server could not answer just now.') });

    const questions = (await revision(1)).getByRole('list', { name: 'Questions changed in revision 1' });
    expect(within(questions).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['action_plan', 'coordinator']);
  });

  it('says "not found" for a reply that does not exist or is not the reader\'s', async () => {
    renderHistory({ [`GET ${R}/revisions`]: () => errorResponse(404, 'RESPONSE_NOT_FOUND', 'There is no such response.') });

    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Revisions, newest first' })).toBeNull();
  });

  it('names the member state by its code when the names cannot be loaded', async () => {
    renderHistory({ 'GET /api/member-states': () => errorResponse(503, 'UNAVAILABLE', 'The server is busy.') });

    expect(await screen.findByRole('heading', { name: 'Revision 5: Saved' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: '2010 follow-up · EE' })).toBeTruthy();
  });

  it('says so when nothing has been saved yet', async () => {
    renderHistory({ [`GET ${R}/revisions`]: json(200, []) });

    expect(await screen.findByRole('heading', { name: 'No revisions yet' })).toBeTruthy();
  });

  it('is the page at the history address, for a consultant too', async () => {
    stubApi({ 'GET /api/auth/me': json(200, signedInAs(consultantUser)), ...historyApi() });
    renderApp('/questionnaires/national-cooperation/versions/2/responses/EE/history');

    expect(await screen.findByRole('heading', { level: 1, name: '2010 follow-up · Estonia' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Revision 5: Saved' })).toBeTruthy();
  });
});
