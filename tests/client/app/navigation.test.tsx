import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../../client/src/types/api';
import { deferredResponse, errorResponse, jsonResponse } from '../helpers/fake-fetch';
import { json, noContent, sent, signedOut, stubApi, type ApiHandler } from '../helpers/fake-api';
import { repliesRoutes, surveysFixture } from '../helpers/fixtures';
import { adminUser, analystUser, consultantUser, delegateUser, memberStatesFixture, signedInAs } from '../helpers/people-fixtures';
import { renderApp } from '../helpers/render';

/** Signed in as `user` until signing out. */
function stubSignedIn(user: User, overrides: Record<string, ApiHandler> = {}) {
  let session = true;
  return stubApi({
    'GET /api/auth/me': (request) => (session ? json(200, signedInAs(user))(request) : signedOut(request)),
    'GET /api/surveys': json(200, surveysFixture),
    'GET /api/member-states': json(200, memberStatesFixture),
    ...repliesRoutes([]),
    'POST /api/auth/logout': (request) => {
      session = false;
      return noContent(request);
    },
    'POST /api/auth/logout-everywhere': (request) => {
      session = false;
      return json(200, { ended: 3 })(request);
    },
    ...overrides,
  });
}

async function navLabels(): Promise<string[]> {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('Navigation', () => {
  it.each<[string, User, string[]]>([
    ['a delegate', delegateUser, ['Your questionnaires']],
    ['a consultant', consultantUser, ['Home', 'Questionnaires', 'Analysis']],
    ['an analyst', analystUser, ['Analysis', 'Questionnaires', 'API tokens']],
    ['an administrator', adminUser, ['Home', 'People', 'Member states', 'Audit log', 'Review board', 'Questionnaires', 'Analysis']],
  ])('offers %s the places of their role', async (_, user, labels) => {
    stubSignedIn(user);
    renderApp('/questionnaires');

    expect(await navLabels()).toEqual(labels);
  });

  it('is not shown before sign-in', async () => {
    stubApi({ 'GET /api/auth/me': signedOut });
    renderApp('/sign-in');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(within(screen.getByRole('banner')).queryByRole('button')).toBeNull();
  });
});

describe('User menu', () => {
  it("shows the person's name, role and member state, and opens their account links", async () => {
    stubSignedIn(delegateUser);
    renderApp('/questionnaires');

    const button = await within(screen.getByRole('banner')).findByRole('button', { name: 'Account: Dora Delegate Delegate · Estonia' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('link', { name: 'My API tokens' })).toBeNull();

    await userEvent.click(button);

    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('link', { name: 'My API tokens' }).getAttribute('href')).toBe('/account/tokens');
    expect(screen.getByRole('link', { name: 'Change password' }).getAttribute('href')).toBe('/account/password');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out everywhere' })).toBeTruthy();

    await userEvent.keyboard('{Escape}');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it("shows a delegate's member state by its code while the names load", async () => {
    const names = deferredResponse();
    stubSignedIn(delegateUser, { 'GET /api/member-states': () => names.promise });
    renderApp('/questionnaires');

    const banner = within(screen.getByRole('banner'));
    expect(await banner.findByRole('button', { name: 'Account: Dora Delegate Delegate · EE' })).toBeTruthy();
    names.resolve(jsonResponse(200, memberStatesFixture));
    expect(await banner.findByRole('button', { name: 'Account: Dora Delegate Delegate · Estonia' })).toBeTruthy();
  });

  it("shows a delegate's member state by its code, and no error, when the names cannot be loaded", async () => {
    stubSignedIn(delegateUser, { 'GET /api/member-states': () => errorResponse(503, 'UNAVAILABLE', 'The server is busy.') });
    const { queryClient } = renderApp('/questionnaires');

    await waitFor(() => expect(queryClient.getQueryState(['member-states'])?.status).toBe('error'));
    expect(within(screen.getByRole('banner')).getByRole('button', { name: 'Account: Dora Delegate Delegate · EE' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for no names before a new password is chosen (the server would refuse)', async () => {
    const requests = stubSignedIn({ ...delegateUser, mustChangePassword: true });
    renderApp('/account/password');

    expect(await within(screen.getByRole('banner')).findByRole('button', { name: 'Account: Dora Delegate Delegate · EE' })).toBeTruthy();
    expect(sent(requests, 'GET /api/member-states')).toHaveLength(0);
  });

  it('signs out: back to the sign-in page, with nothing of the session left', async () => {
    const requests = stubSignedIn(consultantUser);
    const { router, queryClient } = renderApp('/questionnaires');

    await userEvent.click(await screen.findByRole('button', { name: /Account: Carl Consultant/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(screen.getByRole('status').textContent).toBe('You have been signed out.');
    expect(sent(requests, 'POST /api/auth/logout')).toHaveLength(1);
    expect(queryClient.getQueryData(['surveys'])).toBeUndefined();
    expect(screen.queryByRole('button', { name: /Account/ })).toBeNull();
  });

  it('signs out everywhere and says how many sessions ended', async () => {
    const requests = stubSignedIn(analystUser);
    renderApp('/questionnaires');

    await userEvent.click(await screen.findByRole('button', { name: /Account: Ana Analyst/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));

    expect(await screen.findByText(/signed out on every device and browser \(3 sessions ended\)/)).toBeTruthy();
    expect(sent(requests, 'POST /api/auth/logout-everywhere')).toHaveLength(1);
  });

  it('stays signed in and says why when signing out fails', async () => {
    stubApi({
      'GET /api/auth/me': json(200, signedInAs(analystUser)),
      'GET /api/surveys': json(200, surveysFixture),
      ...repliesRoutes([]),
      'POST /api/auth/logout': () => errorResponse(503, 'UNAVAILABLE', 'The server is busy. Try again in a moment.'),
    });
    const { router } = renderApp('/questionnaires');

    await userEvent.click(await screen.findByRole('button', { name: /Account: Ana Analyst/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect((await screen.findByRole('alert')).textContent).toBe('The server is busy. Try again in a moment.');
    await waitFor(() => expect(router.state.location.pathname).toBe('/questionnaires'));
  });
});
