import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorResponse, jsonResponse } from '../../helpers/fake-fetch';
import { bodyOf, json, sent, signedOut, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { surveysFixture } from '../../helpers/fixtures';
import { delegateUser, signedInAs } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';

const TOKEN = 'inv-token-123';
const PREVIEW = `GET /api/invitations/${TOKEN}`;
const ACCEPT = `POST /api/invitations/${TOKEN}/accept`;

const preview = {
  email: 'delegate@ee.example',
  name: 'Dora',
  role: 'delegate',
  memberState: 'EE',
  memberStateName: 'Estonia',
  expiresAt: '2026-03-17T10:00:00Z',
};

const unknownLink: ApiHandler = () =>
  errorResponse(404, 'INVITATION_NOT_FOUND', 'This invitation link is unknown, already used or expired. Ask an administrator for a new one.');

function renderInvitation(accept: ApiHandler = json(201, signedInAs(delegateUser))) {
  // As the server: signed out until the invitation is accepted, then signed in as its new account.
  let session: unknown = null;
  const requests = stubApi({
    'GET /api/auth/me': (request) => (session === null ? signedOut(request) : jsonResponse(200, session)),
    [PREVIEW]: json(200, preview),
    [ACCEPT]: async (request) => {
      const answer = await accept(request);
      if (answer.status === 201) session = await answer.clone().json();
      return answer;
    },
    'GET /api/surveys': json(200, surveysFixture),
  });
  return { requests, ...renderApp(`/invitations/${TOKEN}`) };
}

async function fillIn({ name, password, confirmation }: { name?: string; password: string; confirmation: string }) {
  const nameField = await screen.findByLabelText('Your name');
  if (name !== undefined) {
    await userEvent.clear(nameField);
    await userEvent.type(nameField, name);
  }
  await userEvent.type(screen.getByLabelText('Choose a password'), password);
  await userEvent.type(screen.getByLabelText('Type the password again'), confirmation);
}

const createButton = () => screen.getByRole('button', { name: 'Create my account' });

describe('Invitation page', () => {
  it('says whom the invitation is for, then creates the account and opens its home signed in', async () => {
    const { requests, router } = renderInvitation();

    expect(await screen.findByRole('heading', { level: 1, name: 'Create your account' })).toBeTruthy();
    expect(screen.getByText('You have been invited to take part as delegate of Estonia.')).toBeTruthy();
    expect(screen.getByText('Estonia', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByText('delegate@ee.example')).toBeTruthy();
    expect(screen.getByText('17 March 2026')).toBeTruthy();
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Dora');

    await fillIn({ name: 'Dora Delegate', password: 'tallinn harbour 1991', confirmation: 'tallinn harbour 1991' });
    await userEvent.click(createButton());

    expect(await screen.findByRole('heading', { level: 1, name: "Your member state's questionnaires" })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
    expect(bodyOf(sent(requests, ACCEPT)[0])).toEqual({ name: 'Dora Delegate', password: 'tallinn harbour 1991' });
    expect(within(screen.getByRole('banner')).getByRole('button', { name: /Dora Delegate/ })).toBeTruthy();
  });

  it('stops two different passwords before sending them', async () => {
    const { requests } = renderInvitation();

    await fillIn({ password: 'tallinn harbour 1991', confirmation: 'tallinn harbour 1992' });
    await userEvent.click(createButton());

    const confirmation = screen.getByLabelText('Type the password again');
    expect(confirmation.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('The two passwords are not the same.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(confirmation));
    expect(sent(requests, ACCEPT)).toHaveLength(0);
  });

  it('stops a password shorter than 12 characters before sending it', async () => {
    const { requests } = renderInvitation();

    await fillIn({ password: 'short pass', confirmation: 'short pass' });
    await userEvent.click(createButton());

    expect(screen.getByLabelText('Choose a password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('The password must have at least 12 characters.')).toBeTruthy();
    expect(sent(requests, ACCEPT)).toHaveLength(0);
  });

  it("shows the server's reason when it refuses the password", async () => {
    renderInvitation(() =>
      errorResponse(422, 'WEAK_PASSWORD', 'The password must not contain your e-mail address.'),
    );

    await fillIn({ password: 'delegate@ee.example', confirmation: 'delegate@ee.example' });
    await userEvent.click(createButton());

    expect(await screen.findByText('The password must not contain your e-mail address.')).toBeTruthy();
    const password = screen.getByLabelText('Choose a password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(password));
  });

  it('asks for a new link when the link is unknown, used or expired', async () => {
    const requests = stubApi({ 'GET /api/auth/me': signedOut, [PREVIEW]: unknownLink });
    renderApp(`/invitations/${TOKEN}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'This invitation link does not work' })).toBeTruthy();
    expect(screen.getByText('Ask the survey administrator for a new invitation link.')).toBeTruthy();
    expect(screen.queryByLabelText('Choose a password')).toBeNull();
    expect(sent(requests, PREVIEW)).toHaveLength(1);
  });

  it('asks for a new link when the invitation stops working before it is accepted', async () => {
    renderInvitation(unknownLink);

    await fillIn({ password: 'tallinn harbour 1991', confirmation: 'tallinn harbour 1991' });
    await userEvent.click(createButton());

    expect(await screen.findByRole('heading', { level: 1, name: 'This invitation link does not work' })).toBeTruthy();
  });
});
