import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QuestionnairesPage } from '../../../../client/src/features/surveys/components/questionnaires-page';
import { deferredResponse, errorResponse, jsonResponse, stubFetch } from '../../helpers/fake-fetch';
import { surveysFixture } from '../../helpers/fixtures';
import { renderRoutes } from '../../helpers/render';

function renderPage({ showReplies = false } = {}) {
  return renderRoutes([{ path: '/questionnaires', element: <QuestionnairesPage showReplies={showReplies} /> }], '/questionnaires');
}

describe('Questionnaires page', () => {
  it('lists each questionnaire with its versions, newest first', async () => {
    const requests = stubFetch(() => jsonResponse(200, surveysFixture));
    renderPage();

    const survey = await screen.findByRole('region', { name: 'National cooperation survey' });
    const versions = within(survey).getAllByRole('listitem');
    expect(versions).toHaveLength(2);
    expect(within(versions[0]!).getByText('Version 2')).toBeTruthy();
    expect(within(versions[0]!).getByText('2010 follow-up')).toBeTruthy();
    expect(within(versions[0]!).getByText('Open')).toBeTruthy();
    expect(within(versions[0]!).getByText('15 September 2010')).toBeTruthy();
    expect(within(versions[1]!).getByText('Version 1')).toBeTruthy();
    expect(within(versions[1]!).getByText('Closed')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Training needs' })).toBeTruthy();
    expect(requests.map((r) => r.url)).toEqual(['/api/surveys']);
  });

  it('links each version to its read-only view', async () => {
    stubFetch(() => jsonResponse(200, surveysFixture));
    renderPage();

    const link = await screen.findByRole('link', { name: 'View questions of National cooperation survey, version 1' });

    expect(link.getAttribute('href')).toBe('/questionnaires/national-cooperation/versions/1');
  });

  it('says it is loading until the list arrives', async () => {
    const answer = deferredResponse();
    stubFetch(() => answer.promise);
    renderPage();

    expect(screen.getByRole('status').textContent).toMatch(/loading questionnaires/i);
    expect(screen.queryByRole('list')).toBeNull();

    answer.resolve(jsonResponse(200, surveysFixture));

    expect(await screen.findByRole('region', { name: 'Training needs' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it("shows the server's message when the list cannot be loaded, and loads it again on request", async () => {
    let calls = 0;
    stubFetch(() => {
      calls += 1;
      return calls === 1
        ? errorResponse(401, 'UNAUTHENTICATED', 'Sign in to continue.')
        : jsonResponse(200, surveysFixture);
    });
    renderPage();

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'The questionnaires could not be loaded' })).toBeTruthy();
    expect(within(alert).getByText('Sign in to continue.')).toBeTruthy();
    expect(within(alert).getByText(/sign in, then try again/i)).toBeTruthy();

    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('region', { name: 'National cooperation survey' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls).toBe(2);
  });

  it('says so when no questionnaire has been published', async () => {
    stubFetch(() => jsonResponse(200, []));
    renderPage();

    expect(await screen.findByRole('heading', { name: 'No questionnaires yet' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });

  it('has the page heading and document title', async () => {
    stubFetch(() => jsonResponse(200, surveysFixture));
    renderPage();

    expect(screen.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Questionnaires · National cooperation survey'));
  });
});
