import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CountryQuestionnairesPage } from '../../../../client/src/features/surveys/components/country-questionnaires-page';
import type { ResponseStatus } from '../../../../client/src/types/api';
import { json, sent, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { deferredResponse, errorResponse, jsonResponse } from '../../helpers/fake-fetch';
import { replySummary, surveysFixture } from '../../helpers/fixtures';
import { memberStatesFixture } from '../../helpers/people-fixtures';
import { renderRoutes } from '../../helpers/render';

const R = (surveyId: string, version: number) => `GET /api/surveys/${surveyId}/versions/${version}/responses`;

const draft = replySummary({ status: 'draft', revision: 7, progress: 0.4, updatedAt: '2010-10-01T12:00:00Z', updatedBy: 'Dora Delegate', openComments: 2 });
const accepted = replySummary({ status: 'accepted', revision: 12, progress: 1, updatedAt: '2010-03-05T09:30:00Z', updatedBy: 'Carl Consultant' });

function renderPage(replies: Record<string, ApiHandler> = {}) {
  const requests = stubApi({
    'GET /api/surveys': json(200, surveysFixture),
    'GET /api/member-states': json(200, memberStatesFixture),
    [R('training', 1)]: json(200, [replySummary({})]),
    [R('national-cooperation', 2)]: json(200, [draft]),
    [R('national-cooperation', 1)]: json(200, [accepted]),
    ...replies,
  });
  const { queryClient } = renderRoutes([{ path: '/', element: <CountryQuestionnairesPage memberState="EE" /> }], '/');
  return Object.assign(requests, { queryClient });
}

async function card(name: string) {
  return within(await screen.findByRole('region', { name }));
}

describe("A delegate's questionnaires", () => {
  it('shows where a reply stands: status, progress, the last change and who made it, open comments', async () => {
    renderPage();

    const followUp = await card('2010 follow-up');
    expect(await followUp.findByText('Draft')).toBeTruthy();
    expect(followUp.getByRole('progressbar', { name: 'Answered' }).getAttribute('value')).toBe('40');
    expect(followUp.getByText('40% answered')).toBeTruthy();
    expect(followUp.getByText(/Last change/).textContent).toMatch(/^Last change 1 October 2010 at \d\d:\d\d by Dora Delegate$/);
    expect(followUp.getByText('2 open comments')).toBeTruthy();
  });

  it('invites to fill in a reply not started yet, with nothing saved and no comment count', async () => {
    renderPage();

    const training = await card('Labour exploitation training');
    expect(await training.findByText('Not started')).toBeTruthy();
    expect(training.getByRole('progressbar', { name: 'Answered' }).getAttribute('value')).toBe('0');
    expect(training.getByText('Nothing saved yet')).toBeTruthy();
    expect(training.queryByText(/open comment/)).toBeNull();
    expect(training.getByRole('link', { name: 'Fill in your reply to Training needs, version 1' }).getAttribute('href')).toBe(
      '/questionnaires/training/versions/1/responses/EE',
    );
  });

  it('offers to continue a draft, keeping the read-only preview as a second link', async () => {
    renderPage();

    const followUp = await card('2010 follow-up');
    const link = await followUp.findByRole('link', { name: 'Continue your reply to National cooperation survey, version 2' });
    expect(link.getAttribute('href')).toBe('/questionnaires/national-cooperation/versions/2/responses/EE');
    expect(followUp.getByRole('link', { name: 'View questions of National cooperation survey, version 2' }).getAttribute('href')).toBe(
      '/questionnaires/national-cooperation/versions/2',
    );
  });

  it.each<[ResponseStatus, string]>([
    ['not_started', 'Fill in'],
    ['draft', 'Continue'],
    ['returned', 'Continue'],
    ['submitted', 'View'],
    ['accepted', 'View'],
  ])('in an open round, a reply %s is for "%s"', async (status, action) => {
    renderPage({ [R('national-cooperation', 2)]: json(200, [replySummary({ status, revision: 3 })]) });

    const followUp = await card('2010 follow-up');
    const link = await followUp.findByRole('link', { name: `${action} your reply to National cooperation survey, version 2` });
    expect(link.getAttribute('href')).toBe('/questionnaires/national-cooperation/versions/2/responses/EE');
  });

  it('only lets a reply in a closed round be viewed', async () => {
    renderPage({ [R('national-cooperation', 1)]: json(200, [replySummary({ status: 'draft', revision: 2, progress: 0.5 })]) });

    const baseline = await card('2009 baseline');
    expect(await baseline.findByText('Draft')).toBeTruthy();
    expect(baseline.getByText('Closed')).toBeTruthy();
    const links = baseline.getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(['View your reply to National cooperation survey, version 1', 'View questions of National cooperation survey, version 1']);
  });

  it('asks once per version for the replies, and shows a reply that could not be loaded in its own card', async () => {
    const requests = renderPage({
      [R('national-cooperation', 1)]: () => errorResponse(500, 'INTERNAL', 'The server could not answer just now.'),
    });

    const baseline = await card('2009 baseline');
    expect(within(await baseline.findByRole('alert')).getByRole('heading', { name: 'Your reply could not be loaded' })).toBeTruthy();
    expect(await (await card('2010 follow-up')).findByText('Draft')).toBeTruthy();
    for (const version of [R('training', 1), R('national-cooperation', 2), R('national-cooperation', 1)]) {
      expect(sent(requests, version)).toHaveLength(1);
    }
  });

  it('says that an inactive member state without a reply cannot start one, offering no way in', async () => {
    renderPage({ [R('training', 1)]: json(200, []) });

    const training = await card('Labour exploitation training');
    expect(await training.findByText('Not started')).toBeTruthy();
    expect(training.getByText('Your member state is inactive, so no reply can be started. An administrator can reactivate it.')).toBeTruthy();
    expect(training.queryByRole('link', { name: /your reply to Training needs/ })).toBeNull();
  });

  it('names the member state in the lead', async () => {
    renderPage();

    expect(await screen.findByText(/^The questionnaires for Estonia, open rounds first/)).toBeTruthy();
  });

  it('shows the member state by its code while the names load', async () => {
    const names = deferredResponse();
    renderPage({ 'GET /api/member-states': () => names.promise });

    expect(screen.getByText(/^The questionnaires for EE, open rounds first/)).toBeTruthy();
    names.resolve(jsonResponse(200, memberStatesFixture));
    expect(await screen.findByText(/^The questionnaires for Estonia, open rounds first/)).toBeTruthy();
  });

  it('shows the member state by its code, and no error, when the names cannot be loaded', async () => {
    const { queryClient } = renderPage({ 'GET /api/member-states': () => errorResponse(500, 'INTERNAL', 'The server could not answer just now.') });

    await waitFor(() => expect(queryClient.getQueryState(['member-states'])?.status).toBe('error'));
    expect(await (await card('2010 follow-up')).findByText('Draft')).toBeTruthy();
    expect(screen.getByText(/^The questionnaires for EE, open rounds first/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('no longer says the questionnaires are only there to be read', () => {
    renderPage();

    expect(screen.getByText(/each with your member state's reply/)).toBeTruthy();
    expect(screen.queryByText(/Open one to read its questions/)).toBeNull();
  });
});
