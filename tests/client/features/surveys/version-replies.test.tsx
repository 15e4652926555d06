import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QuestionnairesPage } from '../../../../client/src/features/surveys/components/questionnaires-page';
import type { User } from '../../../../client/src/types/api';
import { json, sent, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { deferredResponse, errorResponse, jsonResponse } from '../../helpers/fake-fetch';
import { repliesRoutes, replySummary, surveysFixture } from '../../helpers/fixtures';
import { adminUser, analystUser, consultantUser, delegateUser, signedInAs } from '../../helpers/people-fixtures';
import { renderApp, renderRoutes } from '../../helpers/render';

const FOLLOW_UP = 'GET /api/surveys/national-cooperation/versions/2/responses';

const estonia = replySummary({
  status: 'submitted',
  revision: 12,
  progress: 0.846,
  updatedAt: '2010-10-04T09:15:00Z',
  submittedAt: '2010-10-04T09:15:00Z',
  updatedBy: 'Dora Delegate',
});
const denmark = replySummary({ memberState: 'DK', memberStateName: 'Denmark' });

function renderPage(routes: Record<string, ApiHandler> = {}) {
  const requests = stubApi({ 'GET /api/surveys': json(200, surveysFixture), ...repliesRoutes([denmark, estonia]), ...routes });
  renderRoutes([{ path: '/questionnaires', element: <QuestionnairesPage showReplies /> }], '/questionnaires');
  return requests;
}

const repliesTo = (survey: string, version: number) => screen.findByRole('region', { name: `Replies to ${survey}, version ${version}` });

describe('Replies on the questionnaires page', () => {
  it("lists every member state's reply under each version: status, progress, last change, and the way in", async () => {
    renderPage();

    const replies = await repliesTo('National cooperation survey', 2);
    const table = await within(replies).findByRole('table');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Member state',
      'Status',
      'Progress',
      'Last change',
      'Actions',
    ]);
    const [, denmarkRow, estoniaRow] = within(table).getAllByRole('row');

    expect(within(denmarkRow!).getByRole('rowheader').textContent).toBe('Denmark');
    expect(within(denmarkRow!).getByText('Not started')).toBeTruthy();
    expect(within(denmarkRow!).getByText('0% answered')).toBeTruthy();
    expect(within(denmarkRow!).getByText('Nothing saved yet')).toBeTruthy();

    expect(within(estoniaRow!).getByRole('rowheader').textContent).toBe('Estonia');
    expect(within(estoniaRow!).getByText('Submitted')).toBeTruthy();
    expect(within(estoniaRow!).getByRole('progressbar', { name: 'Answered' }).getAttribute('value')).toBe('85');
    expect(within(estoniaRow!).getByText('85% answered')).toBeTruthy();
    expect(within(estoniaRow!).getByText(/^4 October 2010/, { selector: 'time' }).getAttribute('datetime')).toBe('2010-10-04T09:15:00Z');
    expect(within(estoniaRow!).getByText('by Dora Delegate')).toBeTruthy();
    const link = within(estoniaRow!).getByRole('link', { name: 'Open Estonia’s reply to National cooperation survey, version 2' });
    expect(link.getAttribute('href')).toBe('/questionnaires/national-cooperation/versions/2/responses/EE');

    expect(await repliesTo('National cooperation survey', 1)).toBeTruthy();
    expect(await repliesTo('Training needs', 1)).toBeTruthy();
    expect(screen.getByText(/with each member state's reply to it/)).toBeTruthy();
  });

  it('says the replies are loading until they arrive', async () => {
    const answer = deferredResponse();
    renderPage({ [FOLLOW_UP]: () => answer.promise });

    const replies = await repliesTo('National cooperation survey', 2);
    expect(within(replies).getByRole('status').textContent).toBe('Loading the replies…');

    answer.resolve(jsonResponse(200, [estonia]));

    expect(await within(replies).findByRole('table')).toBeTruthy();
    expect(within(replies).queryByRole('status')).toBeNull();
  });

  it("shows one version's failure in its place, the other versions' replies still, and loads it again on request", async () => {
    let calls = 0;
    renderPage({
      [FOLLOW_UP]: () => {
        calls += 1;
        return calls === 1 ? errorResponse(503, 'UNAVAILABLE', 'The server is busy.') : jsonResponse(200, [estonia]);
      },
    });

    const replies = await repliesTo('National cooperation survey', 2);
    const alert = await within(replies).findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'The replies to version 2 could not be loaded' })).toBeTruthy();
    expect(within(alert).getByText('The server is busy.')).toBeTruthy();
    expect(await within(await repliesTo('Training needs', 1)).findByRole('table')).toBeTruthy();

    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await within(replies).findByRole('link', { name: /^Open Estonia’s reply/ })).toBeTruthy();
    expect(within(replies).queryByRole('alert')).toBeNull();
    expect(calls).toBe(2);
  });

  it('says so when there is no member state to reply', async () => {
    renderPage({ [FOLLOW_UP]: json(200, []) });

    const replies = await repliesTo('National cooperation survey', 2);
    expect(await within(replies).findByText('No member state has been added yet, so there are no replies.')).toBeTruthy();
    expect(within(replies).queryByRole('table')).toBeNull();
  });
});

describe('The questionnaires page for each role', () => {
  function stubSignedIn(user: User) {
    return stubApi({
      'GET /api/auth/me': json(200, signedInAs(user)),
      'GET /api/surveys': json(200, surveysFixture),
      ...repliesRoutes([estonia]),
    });
  }

  it.each<[string, User]>([
    ['a consultant', consultantUser],
    ['an analyst', analystUser],
    ['an administrator', adminUser],
  ])("shows %s every version's replies", async (_, user) => {
    stubSignedIn(user);
    renderApp('/questionnaires');

    const replies = await repliesTo('National cooperation survey', 2);
    const link = await within(replies).findByRole('link', { name: 'Open Estonia’s reply to National cooperation survey, version 2' });
    expect(link.getAttribute('href')).toBe('/questionnaires/national-cooperation/versions/2/responses/EE');
  });

  it('shows a delegate only the versions, and asks for no replies: their home page has their own', async () => {
    const requests = stubSignedIn(delegateUser);
    renderApp('/questionnaires');

    expect(await screen.findByRole('region', { name: 'National cooperation survey' })).toBeTruthy();
    expect(screen.getByText('Every published version of each questionnaire. Open a version to read its questions.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /^Replies to/ })).toBeNull();
    await waitFor(() => expect(sent(requests, 'GET /api/surveys')).toHaveLength(1));
    expect(requests.filter((request) => request.url.endsWith('/responses'))).toHaveLength(0);
  });
});
