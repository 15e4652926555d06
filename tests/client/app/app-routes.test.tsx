import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../client/src/types/api';
import { json, stubApi } from '../helpers/fake-api';
import { surveysFixture, surveyVersionFixture } from '../helpers/fixtures';
import { consultantUser, delegateUser, signedInAs } from '../helpers/people-fixtures';
import { renderApp } from '../helpers/render';

function stubSignedIn(user: User = consultantUser) {
  return stubApi({
    'GET /api/auth/me': json(200, signedInAs(user)),
    'GET /api/surveys': json(200, surveysFixture),
    'GET /api/surveys/national-cooperation/versions/2': json(200, surveyVersionFixture),
  });
}

describe('the application', () => {
  it('wraps every page in the shell: skip link, header, main navigation, main content, footer', async () => {
    stubSignedIn();
    renderApp('/questionnaires');

    expect(await screen.findByRole('heading', { level: 1, name: 'Questionnaires' })).toBeTruthy();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('National cooperation survey')).toBeTruthy();
    expect(within(banner).getByText(/CBSS TF-THB · UNODC/)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Questionnaires' }).getAttribute('aria-current')).toBe('page');
    const main = screen.getByRole('main');
    expect(within(main).getByRole('heading', { level: 1 })).toBeTruthy();
    expect(within(screen.getByRole('contentinfo')).getByText(/Trafficking in Human Beings/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe(`#${main.id}`);
  });

  it("opens the signed-in person's home at the start page", async () => {
    stubSignedIn(delegateUser);
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: "Your member state's questionnaires" })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('opens a version from the list and shows it read-only, in the shell', async () => {
    stubSignedIn();
    const { router } = renderApp('/questionnaires');

    await userEvent.click(
      await screen.findByRole('link', { name: 'View questions of National cooperation survey, version 2' }),
    );

    expect(await screen.findByRole('heading', { level: 1, name: '2010 follow-up' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/questionnaires/national-cooperation/versions/2');
    expect(await screen.findByText('Who is the national coordinator?')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('answers an unknown address with the not-found page inside the shell', async () => {
    stubSignedIn();
    renderApp('/no/such/page');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the start page' })).toBeTruthy();
  });

  it('answers a questionnaire address without a valid version number with the not-found page', async () => {
    const requests = stubSignedIn();
    renderApp('/questionnaires/national-cooperation/versions/0');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(requests.filter((r) => r.url.startsWith('/api/surveys'))).toEqual([]);
  });
});
