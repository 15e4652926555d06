import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { deferredResponse, errorResponse, jsonResponse } from '../../helpers/fake-fetch';
import { bodyOf, json, sent, sessionRoutes, signedOut, stubApi } from '../../helpers/fake-api';
import { surveysFixture } from '../../helpers/fixtures';
import { adminUser, CSRF_TOKEN, signedInAs } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';

async function fillIn(email: string, password: string) {
  await userEvent.type(await screen.findByLabelText('E-mail address'), email);
  await userEvent.type(screen.getByLabelText('Password'), password);
}

const signInButton = () => screen.getByRole('button', { name: 'Sign in' });

describe('Sign-in page', () => {
  it('signs in and goes on to the page in `next`', async () => {
    const requests = stubApi({
      ...sessionRoutes(signedInAs(adminUser)),
      'GET /api/surveys': json(200, surveysFixture),
    });
    const { router } = renderApp('/sign-in?next=%2Fquestionnaires%3Fview%3Dall');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    await fillIn('admin@cbss.example', 'correct horse battery');
    await userEvent.click(signInButton());

    expect(await screen.findByRole('heading', { level: 1, name: 'Questionnaires' })).toBeTruthy();
    expect(router.state.location.pathname + router.state.location.search).toBe('/questionnaires?view=all');
    const [login] = sent(requests, 'POST /api/auth/login');
    expect(bodyOf(login)).toEqual({ email: 'admin@cbss.example', password: 'correct horse battery' });
    // Signed in: the header now shows the person.
    expect(within(screen.getByRole('banner')).getByRole('button', { name: /Ada Admin/ })).toBeTruthy();
  });

  it('uses the CSRF token of the new session on later writes', async () => {
    const requests = stubApi({
      ...sessionRoutes(signedInAs(adminUser)),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    renderApp('/sign-in');
    await fillIn('admin@cbss.example', 'correct horse battery');
    await userEvent.click(signInButton());
    // The home page first: its arrival moves the focus to it, which would close a menu opened before.
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Admin' })).toBeTruthy();

    await userEvent.click(await screen.findByRole('button', { name: /Account: Ada Admin/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(sent(requests, 'POST /api/auth/logout')).toHaveLength(1));
    expect(sent(requests, 'POST /api/auth/logout')[0]?.headers.get('x-csrf-token')).toBe(CSRF_TOKEN);
  });

  it.each(['https://evil.example/phish', '//evil.example/phish', '/\\evil.example'])(
    'goes to the start page, never to another site, when next is %s',
    async (next) => {
      stubApi({
        ...sessionRoutes(signedInAs(adminUser)),
      });
      const { router } = renderApp(`/sign-in?next=${encodeURIComponent(next)}`);
      await fillIn('admin@cbss.example', 'correct horse battery');
      await userEvent.click(signInButton());

      expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Admin' })).toBeTruthy();
      expect(router.state.location.pathname).toBe('/');
    },
  );

  it("shows the server's message in an alert and takes the focus there when sign-in fails", async () => {
    stubApi({
      'GET /api/auth/me': signedOut,
      'POST /api/auth/login': () => errorResponse(401, 'INVALID_CREDENTIALS', 'The e-mail address or the password is wrong.'),
    });
    const { router } = renderApp('/sign-in');
    await fillIn('admin@cbss.example', 'wrong password');
    await userEvent.click(signInButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The e-mail address or the password is wrong.');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(within(screen.getByRole('banner')).queryByRole('button', { name: /Account/ })).toBeNull();
  });

  it('says to wait after too many failed attempts', async () => {
    stubApi({
      'GET /api/auth/me': signedOut,
      'POST /api/auth/login': () =>
        errorResponse(429, 'TOO_MANY_ATTEMPTS', 'Too many failed attempts. Wait a few minutes, then try again.', {
          retryAfterSeconds: 290,
        }),
    });
    renderApp('/sign-in');
    await fillIn('admin@cbss.example', 'guess 6');
    await userEvent.click(signInButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Wait a few minutes');
    expect(alert.textContent).toContain('try again in about 5 minutes');
  });

  it('asks for both fields before sending anything', async () => {
    const requests = stubApi({ 'GET /api/auth/me': signedOut });
    renderApp('/sign-in');
    await screen.findByLabelText('E-mail address');

    await userEvent.click(signInButton());

    const email = screen.getByLabelText('E-mail address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toContain(
      'Enter your e-mail address.',
    );
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(sent(requests, 'POST /api/auth/login')).toHaveLength(0);
  });

  it('names its fields for password managers and waits while signing in', async () => {
    const login = deferredResponse();
    stubApi({ 'GET /api/auth/me': signedOut, 'POST /api/auth/login': () => login.promise });
    renderApp('/sign-in');
    await fillIn('admin@cbss.example', 'correct horse battery');

    expect(screen.getByLabelText('E-mail address').getAttribute('autocomplete')).toBe('username');
    expect(screen.getByLabelText('Password').getAttribute('autocomplete')).toBe('current-password');
    await userEvent.click(signInButton());

    const pending = await screen.findByRole('button', { name: 'Signing in…' });
    expect((pending as HTMLButtonElement).disabled).toBe(true);
    login.resolve(jsonResponse(200, signedInAs(adminUser)));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Admin' })).toBeTruthy();
  });

  it('sends someone already signed in straight on', async () => {
    stubApi({ 'GET /api/auth/me': json(200, signedInAs(adminUser)), 'GET /api/surveys': json(200, surveysFixture) });
    const { router } = renderApp('/sign-in?next=%2Fquestionnaires');

    expect(await screen.findByRole('heading', { level: 1, name: 'Questionnaires' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/questionnaires');
  });
});
