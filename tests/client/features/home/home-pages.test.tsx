import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Survey, User } from '../../../../client/src/types/api';
import { json, stubApi } from '../../helpers/fake-api';
import { replySummary, surveysFixture } from '../../helpers/fixtures';
import { adminUser, analystUser, consultantUser, delegateUser, memberStatesFixture, signedInAs } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { boardEntry, boardRoutes } from '../review/board-fixtures';

const notStarted = replySummary();

function renderHome(user: User, surveys: Survey[] = surveysFixture) {
  const replies = Object.fromEntries(
    surveys.flatMap((survey) =>
      survey.versions.map((version) => [`GET /api/surveys/${survey.id}/versions/${version.version}/responses`, json(200, [notStarted])]),
    ),
  );
  stubApi({
    'GET /api/auth/me': json(200, signedInAs(user)),
    'GET /api/surveys': json(200, surveys),
    'GET /api/member-states': json(200, memberStatesFixture),
    ...replies,
    ...boardRoutes(surveys, { 'national-cooperation/2': [boardEntry({ status: 'submitted', daysSinceSubmission: 2, submittedAt: '2010-10-04T09:15:00Z' })] }),
  });
  return renderApp('/');
}

describe('Home page', () => {
  it("gives a delegate their country's questionnaires, open rounds first, each with its reply and its questions", async () => {
    renderHome(delegateUser);

    expect(await screen.findByRole('heading', { level: 1, name: "Your member state's questionnaires" })).toBeTruthy();
    expect(await screen.findByText(/for Estonia,/)).toBeTruthy();
    const items = await screen.findAllByRole('region');
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual([
      'Labour exploitation training',
      '2010 follow-up',
      '2009 baseline',
    ]);
    expect(within(items[1]!).getByText('National cooperation survey · version 2')).toBeTruthy();
    expect(within(items[2]!).getByText('Closed')).toBeTruthy();
    expect(
      within(items[1]!).getByRole('link', { name: 'View questions of National cooperation survey, version 2' }).getAttribute('href'),
    ).toBe('/questionnaires/national-cooperation/versions/2');
    expect(
      (await within(items[1]!).findByRole('link', { name: 'Fill in your reply to National cooperation survey, version 2' })).getAttribute('href'),
    ).toBe('/questionnaires/national-cooperation/versions/2/responses/EE');
    expect(within(items[1]!).getByText('Not started')).toBeTruthy();
  });

  it('tells a delegate when nothing has been published yet', async () => {
    renderHome(delegateUser, []);

    expect(await screen.findByRole('heading', { name: 'No questionnaires yet' })).toBeTruthy();
  });

  it('shows a consultant the review board', async () => {
    renderHome(consultantUser);

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Carl Consultant' })).toBeTruthy();
    const board = await screen.findByRole('table', { name: 'Every member state’s reply to each questionnaire version' });
    expect(within(board).getByText('Waiting 2 days')).toBeTruthy();
  });

  it('opens the workbench for an analyst: their start page is the analysis', async () => {
    const { router } = renderHome(analystUser);

    expect(await screen.findByRole('heading', { level: 1, name: 'Analysis' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/analysis');
  });

  it('leads an administrator to people, member states, the audit log, the review board, the analysis and the questionnaires', async () => {
    renderHome(adminUser);

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Admin' })).toBeTruthy();
    const links = within(screen.getByRole('main')).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['People', '/admin/people'],
      ['Member states', '/admin/member-states'],
      ['Audit log', '/admin/audit'],
      ['Review board', '/review'],
      ['Analysis', '/analysis'],
      ['Questionnaires', '/questionnaires'],
    ]);
  });
});
