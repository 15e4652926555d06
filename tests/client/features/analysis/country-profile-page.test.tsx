import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '../../helpers/fake-api';
import { errorResponse } from '../../helpers/fake-fetch';
import { analystUser } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { analysisRoutes, profileFixture, queryOf } from './analysis-fixtures';

const PROFILE = 'GET /api/surveys/national-cooperation/member-states/EE/profile';

describe('A country profile', () => {
  it("shows every round's answers of the state, section by section, in the questionnaire's words", async () => {
    const requests = stubApi(analysisRoutes(analystUser));
    renderApp('/analysis/profiles/EE?survey=national-cooperation');

    expect(await screen.findByRole('heading', { level: 1, name: 'Estonia: country profile' })).toBeTruthy();
    const coordination = await screen.findByRole('region', { name: 'C. National coordination' });
    const table = within(coordination).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Question', '2009', '2010']);
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'Is a national action plan in force?Yes, a plan is in forceNo counted reply',
    ]);
    const actors = within(screen.getByRole('region', { name: 'B. Anti-trafficking actors' }));
    expect(actors.getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'Organisations — NameEntry 2Central Criminal PoliceNo counted reply',
      'Is there a good practice MoU?YesNot asked in 2010',
    ]);
    expect(screen.getByText('Questions left unanswered in every round are not listed.')).toBeTruthy();
    expect(screen.getByText(/submitted 1 June 2009/)).toBeTruthy();
    expect(queryOf(requests, PROFILE).toString()).toBe('');
  });

  it('prints through the browser, which saves it as PDF', async () => {
    stubApi(analysisRoutes(analystUser));
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    renderApp('/analysis/profiles/EE?survey=national-cooperation');

    await userEvent.click(await screen.findByRole('button', { name: 'Print or save as PDF' }));

    expect(print).toHaveBeenCalledOnce();
  });

  it('says when the state has no counted reply in any round', async () => {
    stubApi(
      analysisRoutes(analystUser, {
        [PROFILE]: json(200, { ...profileFixture, rounds: profileFixture.rounds.map((round) => ({ ...round, status: null, submittedAt: null })) }),
      }),
    );
    renderApp('/analysis/profiles/EE?survey=national-cooperation');

    expect(await screen.findByRole('heading', { name: 'No counted reply yet' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'C. National coordination' })).toBeNull();
  });

  it('says when there is no such member state', async () => {
    stubApi(analysisRoutes(analystUser, { 'GET /api/surveys/national-cooperation/member-states/XX/profile': () => errorResponse(404, 'MEMBER_STATE_NOT_FOUND', 'There is no such member state.') }));
    renderApp('/analysis/profiles/XX?survey=national-cooperation');

    expect(await screen.findByRole('heading', { name: 'No such member state' })).toBeTruthy();
  });

  it('shows a failure with a retry', async () => {
    stubApi(analysisRoutes(analystUser, { [PROFILE]: () => errorResponse(503, 'UNAVAILABLE', 'The server is busy.') }));
    renderApp('/analysis/profiles/EE?survey=national-cooperation');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'The country profile could not be loaded' })).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
