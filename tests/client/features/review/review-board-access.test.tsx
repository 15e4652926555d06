import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../../client/src/types/api';
import { json, sent, stubApi } from '../../helpers/fake-api';
import { surveysFixture } from '../../helpers/fixtures';
import { adminUser, analystUser, consultantUser, delegateUser, memberStatesFixture, signedInAs } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { boardEntry, boardRoutes } from './board-fixtures';

function stubSignedIn(user: User) {
  return stubApi({
    'GET /api/auth/me': json(200, signedInAs(user)),
    'GET /api/surveys': json(200, surveysFixture),
    'GET /api/member-states': json(200, memberStatesFixture),
    ...boardRoutes(surveysFixture, { 'national-cooperation/2': [boardEntry({ status: 'returned', revision: 5, openComments: 1, lastActivity: { at: '2010-10-05T10:00:00Z', by: 'Carl Consultant' } })] }),
  });
}

const board = () => screen.findByRole('table', { name: 'Every member state’s reply to each questionnaire version' });

describe('Who reaches the review board', () => {
  it('is a consultant’s start page, asking once for each version of every questionnaire', async () => {
    const requests = stubSignedIn(consultantUser);
    renderApp('/');

    const table = await board();
    expect(within(table).getAllByRole('columnheader')).toHaveLength(4);
    expect(within(table).getByText('1 open comment')).toBeTruthy();
    expect(requests.filter((request) => request.url.endsWith('/review-board')).map((request) => request.url).sort()).toEqual([
      '/api/surveys/national-cooperation/versions/1/review-board',
      '/api/surveys/national-cooperation/versions/2/review-board',
      '/api/surveys/training/versions/1/review-board',
    ]);
    expect(sent(requests, 'GET /api/surveys')).toHaveLength(1);
  });

  it('is reached by an administrator from their home page and the navigation', async () => {
    stubSignedIn(adminUser);
    const { router } = renderApp('/');

    await userEvent.click(await within(screen.getByRole('main')).findByRole('link', { name: 'Review board' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Review board' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/review');
    expect(await board()).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Review board' }).getAttribute('href')).toBe('/review');
  });

  it.each<[string, User]>([
    ['a delegate', delegateUser],
    ['an analyst', analystUser],
  ])('is not for %s, who is told so and asks for nothing', async (_, user) => {
    const requests = stubSignedIn(user);
    renderApp('/review');

    expect(await screen.findByRole('heading', { level: 1, name: 'This page is not for your role' })).toBeTruthy();
    expect(screen.getByText(/It is for consultants and administrators only/)).toBeTruthy();
    expect(requests.filter((request) => request.url.endsWith('/review-board'))).toHaveLength(0);
  });
});
