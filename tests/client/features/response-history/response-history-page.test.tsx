import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ResponseHistoryPage } from '../../../../client/src/features/response-history/components/response-history-page';
import { json, sent, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { errorResponse } from '../../helpers/fake-fetch';
import { surveysFixture } from '../../helpers/fixtures';
import { consultantUser, memberStatesFixture, signedInAs } from '../../helpers/people-fixtures';
import { renderApp, renderRoutes } from '../../helpers/render';
import { CATALOGUE, R, catalogueFixture, historyFixture, revisionDataFixture, revisionsFixture } from './history-fixtures';

function historyApi(overrides: Record<string, ApiHandler> = {}): Record<string, ApiHandler> {
  const revisionRoutes = Object.fromEntries(
    Object.entries(revisionDataFixture).map(([revision, data]) => [`GET ${R}/revisions/${revision}`, json(200, data)]),
  );
  return {
    'GET /api/surveys': json(200, surveysFixture),
    'GET /api/member-states': json(200, memberStatesFixture),
    [`GET ${CATALOGUE}`]: json(200, catalogueFixture),
    [`GET ${R}/revisions`]: json(200, revisionsFixture),
    [`GET ${R}/history`]: json(200, historyFixture),
    ...revisionRoutes,
    ...overrides,
  };
}

function renderHistory(overrides: Record<string, ApiHandler> = {}) {
  const requests = stubApi(historyApi(overrides));
  renderRoutes([{ path: '/', element: <ResponseHistoryPage surveyId="national-cooperation" version={2} state="EE" /> }], '/');
  return requests;
}

/** A save's own view, inside its editing session (opened first). */
async function revision(number: number) {
  await userEvent.click(await screen.findByRole('button', { name: `Show the 1 save of revision ${number}` }));
  return within(await screen.findByRole('region', { name: new RegExp(`^Revision ${number}:`) }));
}

async function showChanges(number: number) {
  await revision(number);
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
    expect(screen.getByText(/National cooperation survey, version 2\. The history of Estonia's reply/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the reply' }).getAttribute('href')).toBe(
      '/questionnaires/national-cooperation/versions/2/responses/EE',
    );
  });

  it('lists editing sessions and status changes newest first: who, when, and the questions changed', async () => {
    const requests = renderHistory();

    const list = await screen.findByRole('list', { name: 'Editing sessions and status changes, newest first' });
    const headings = within(list)
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    expect(headings).toEqual([
      'Dora Delegate edited the reply',
      'Revision 4: Returned',
      'Revision 3: Submitted',
      'Erik Delegate edited the reply',
      'Dora Delegate edited the reply',
    ]);
    expect(screen.getByText('5 revisions in 3 editing sessions and 2 status changes.').getAttribute('role')).toBe('status');

    const returned = within(screen.getByRole('region', { name: 'Revision 4: Returned' }));
    expect(returned.getByText('By Carl Consultant')).toBeTruthy();
    expect(returned.getByText(/23 September 2010/)).toBeTruthy();
    expect(returned.getByText('Returned', { selector: '.badge' })).toBeTruthy();
    expect(returned.getByRole('link', { name: 'What changed since revision 4' }).getAttribute('href')).toBe(
      '/questionnaires/national-cooperation/versions/2/responses/EE/history/compare?from=4&to=5',
    );

    const erik = within(screen.getAllByRole('region', { name: 'Erik Delegate edited the reply' })[0]!);
    expect(erik.getByText('1 save, revision 2')).toBeTruthy();
    const questions = erik.getByRole('list', { name: 'Questions changed in revision 2' });
    expect(within(questions).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Which areas does the plan cover?',
      'Shelters',
      'Partner organisations',
      'Is the plan funded?',
    ]);
    // The sessions come from one request; no revision list until a session is opened.
    expect(sent(requests, `GET ${R}/history`)).toHaveLength(1);
    expect(sent(requests, `GET ${R}/revisions`)).toHaveLength(0);
  });

  it('opens a session to its saves, each as the per-revision history shows it', async () => {
    renderHistory();

    const saved = await revision(2);
    expect(saved.getByText('By Erik Delegate')).toBeTruthy();
    expect(saved.getByText('Draft')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide the saves of revision 2' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('list', { name: 'Saves of revisions 2–2, newest first' })).toBeTruthy();
  });

  it('pages through a long history, the page in the address', async () => {
    const many = { ...historyFixture, totalItems: 45, totalPages: 3, totalRevisions: 300, totalSessions: 40 };
    const requests = renderHistory({ [`GET ${R}/history`]: (request) => json(200, { ...many, page: Number(new URL(request.url, 'http://x').searchParams.get('page')) })(request) });

    expect(await screen.findByText('300 revisions in 40 editing sessions and 5 status changes · page 1 of 3.')).toBeTruthy();
    const pager = screen.getByRole('navigation', { name: 'History pages' });
    expect(within(pager).getByRole('button', { name: 'Newer' })).toHaveProperty('disabled', true);
    await userEvent.click(within(pager).getByRole('button', { name: 'Older' }));
    expect(await screen.findByText(/page 2 of 3/)).toBeTruthy();
    const pages = sent(requests, `GET ${R}/history`).map((request) => new URL(request.url, 'http://x').searchParams);
    expect(pages.map((params) => [params.get('page'), params.get('pageSize')])).toEqual([
      ['1', '20'],
      ['2', '20'],
    ]);
  });

  it('folds a long list of changed questions, and gives a session its time span', async () => {
    const questions = Array.from({ length: 12 }, (_, index) => ({ question: `q${index}`, title: `Question ${index + 1}` }));
    const long = { ...historyFixture.items[0]!, from: '2010-09-24T10:00:00Z', to: '2010-09-24T11:20:00Z', saves: 40, firstRevision: 6, lastRevision: 45, questions };
    renderHistory({ [`GET ${R}/history`]: json(200, { ...historyFixture, items: [long, ...historyFixture.items.slice(1)] }) });

    const session = within((await screen.findAllByRole('region', { name: 'Dora Delegate edited the reply' }))[0]!);
    expect(session.getByText('12 changed questions', { selector: 'summary' })).toBeTruthy();
    expect(session.getByText('40 saves, revisions 6–45')).toBeTruthy();
    expect(session.getAllByRole('time').map((time) => time.getAttribute('datetime'))).toEqual(['2010-09-24T10:00:00Z', '2010-09-24T11:20:00Z']);
    expect(session.getByText(/^24 September 2010 at \d\d:\d\d$/)).toBeTruthy();
  });

  it('leads to the comparison and the audit', async () => {
    renderHistory();

    const links = within(await screen.findByRole('navigation', { name: "More about this reply's history" }));
    expect(links.getByRole('link', { name: 'Compare revisions' }).getAttribute('href')).toBe('/questionnaires/national-cooperation/versions/2/responses/EE/history/compare');
    expect(links.getByRole('link', { name: 'Audit of every change' }).getAttribute('href')).toBe('/questionnaires/national-cooperation/versions/2/responses/EE/history/audit');
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

    await revision(5);
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
    renderHistory({ [`GET ${R}/history`]: () => errorResponse(404, 'RESPONSE_NOT_FOUND', 'There is no such response.') });

    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Editing sessions and status changes, newest first' })).toBeNull();
  });

  it('names the member state by its code when the names cannot be loaded', async () => {
    renderHistory({ 'GET /api/member-states': () => errorResponse(503, 'UNAVAILABLE', 'The server is busy.') });

    expect(await screen.findByRole('heading', { name: 'Revision 4: Returned' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: '2010 follow-up · EE' })).toBeTruthy();
  });

  it('says so when nothing has been saved yet', async () => {
    renderHistory({ [`GET ${R}/history`]: json(200, { ...historyFixture, totalItems: 0, totalPages: 0, totalRevisions: 0, totalSessions: 0, latestRevision: 0, items: [] }) });

    expect(await screen.findByRole('heading', { name: 'No revisions yet' })).toBeTruthy();
  });

  it('is the page at the history address, for a consultant too', async () => {
    stubApi({ 'GET /api/auth/me': json(200, signedInAs(consultantUser)), ...historyApi() });
    renderApp('/questionnaires/national-cooperation/versions/2/responses/EE/history');

    expect(await screen.findByRole('heading', { level: 1, name: '2010 follow-up · Estonia' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Revision 4: Returned' })).toBeTruthy();
  });

  it('says so when the history cannot be loaded', async () => {
    renderHistory({ [`GET ${R}/history`]: () => errorResponse(500, 'INTERNAL', 'The server could not answer just now.') });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'The history could not be loaded' })).toBeTruthy();
  });
});
