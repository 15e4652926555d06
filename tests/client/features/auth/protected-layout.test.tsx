import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../helpers/fake-fetch';
import { bodyOf, json, sent, sessionRoutes, stubApi } from '../../helpers/fake-api';
import { surveysFixture } from '../../helpers/fixtures';
import { adminUser, consultantUser, signedInAs } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';

const mustChange = { ...consultantUser, mustChangePassword: true };

describe('Protected pages', () => {
  it('send a signed-out visitor to sign in, and back to where they were afterwards', async () => {
    stubApi({
      ...sessionRoutes(signedInAs(adminUser)),
      'GET /api/audit': json(200, []),
    });
    const { router } = renderApp('/admin/audit?action=auth.signed_in');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/admin/audit?action=auth.signed_in');
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();

    await userEvent.type(screen.getByLabelText('E-mail address'), 'admin@cbss.example');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeTruthy();
    expect(router.state.location.pathname + router.state.location.search).toBe('/admin/audit?action=auth.signed_in');
  });

  it('offer a retry when the session cannot be checked', async () => {
    let available = false;
    stubApi({
      'GET /api/auth/me': () =>
        available
          ? new Response(JSON.stringify(signedInAs(consultantUser)), { status: 200 })
          : errorResponse(503, 'UNAVAILABLE', 'The server is busy. Try again in a moment.'),
      'GET /api/surveys': json(200, surveysFixture),
    });
    renderApp('/questionnaires');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The server is busy. Try again in a moment.')).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Questionnaires' })).toBeNull();
    available = true;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Questionnaires' })).toBeTruthy();
  });

  it('let someone who must choose a new password do nothing else first', async () => {
    const requests = stubApi({
      'GET /api/auth/me': json(200, signedInAs(mustChange)),
      'POST /api/auth/password': json(200, signedInAs(consultantUser)),
      'GET /api/surveys': json(200, surveysFixture),
      'GET /api/tokens': json(200, []),
    });
    const { router } = renderApp('/questionnaires');

    expect(await screen.findByRole('heading', { level: 1, name: 'Choose your own password' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/account/password');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/questionnaires');
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();

    // Another page is out of reach until it is done.
    await router.navigate('/account/tokens');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/account/tokens'));
    expect(router.state.location.pathname).toBe('/account/password');
    expect(sent(requests, 'GET /api/surveys')).toHaveLength(0);
    expect(sent(requests, 'GET /api/tokens')).toHaveLength(0);

    await userEvent.type(screen.getByLabelText('Current password'), 'one-time password');
    await userEvent.type(screen.getByLabelText('New password'), 'a password of my own');
    await userEvent.type(screen.getByLabelText('Type the password again'), 'a password of my own');
    await userEvent.click(screen.getByRole('button', { name: 'Save the new password' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'My API tokens' })).toBeTruthy();
    expect(bodyOf(sent(requests, 'POST /api/auth/password')[0])).toEqual({
      currentPassword: 'one-time password',
      newPassword: 'a password of my own',
    });
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it("show the server's reason beside the field when a new password is refused", async () => {
    stubApi({
      'GET /api/auth/me': json(200, signedInAs(mustChange)),
      'POST /api/auth/password': () =>
        errorResponse(422, 'WEAK_PASSWORD', 'This password is too common. Choose one that is harder to guess.'),
    });
    renderApp('/account/password');

    await userEvent.type(await screen.findByLabelText('Current password'), 'one-time password');
    await userEvent.type(screen.getByLabelText('New password'), 'password1234');
    await userEvent.type(screen.getByLabelText('Type the password again'), 'password1234');
    await userEvent.click(screen.getByRole('button', { name: 'Save the new password' }));

    const field = screen.getByLabelText('New password');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toContain(
      'This password is too common.',
    );
    await waitFor(() => expect(document.activeElement).toBe(field));
  });

  it('tell a signed-in person without the role that an administration page is not for them', async () => {
    const requests = stubApi({ 'GET /api/auth/me': json(200, signedInAs(consultantUser)) });
    renderApp('/admin/people');

    expect(await screen.findByRole('heading', { level: 1, name: 'This page is not for your role' })).toBeTruthy();
    expect(screen.getByText(/It is for administrators only/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to your start page' }).getAttribute('href')).toBe('/');
    expect(sent(requests, 'GET /api/users')).toHaveLength(0);
  });
});
