import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../helpers/fake-fetch';
import { bodyOf, json, noContent, sent, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { adminUser, delegateUser, memberStatesFixture, signedInAs } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';

const person = (user: typeof delegateUser, extra: { disabledAt?: string | null } = {}) => ({
  ...user,
  createdAt: '2025-01-05T10:00:00Z',
  disabledAt: null,
  hasPassword: true,
  ...extra,
});

const invitation = {
  id: '10000000-0000-4000-8000-000000000001',
  email: 'new.delegate@dk.example',
  name: null,
  role: 'delegate',
  memberState: 'DK',
  createdAt: '2025-02-01T10:00:00Z',
  expiresAt: '2025-02-15T10:00:00Z',
};

const created = {
  id: '10000000-0000-4000-8000-000000000002',
  token: 'secret-invitation-token',
  url: 'https://survey.example/invitations/secret-invitation-token',
  expiresAt: '2025-03-01T10:00:00Z',
};

function stubPeople(overrides: Record<string, ApiHandler> = {}) {
  return stubApi({
    'GET /api/auth/me': json(200, signedInAs(adminUser)),
    'GET /api/users': json(200, [person(adminUser), person(delegateUser)]),
    'GET /api/invitations': json(200, [invitation]),
    'GET /api/member-states': json(200, memberStatesFixture),
    'POST /api/invitations': json(201, created),
    ...overrides,
  });
}

const inviteForm = async () => {
  const section = await screen.findByRole('region', { name: 'Invite someone' });
  return within(section);
};

describe('People page', () => {
  it('lists everyone with their role, member state and status', async () => {
    stubPeople({ 'GET /api/users': json(200, [person(adminUser), person(delegateUser, { disabledAt: '2025-02-02T10:00:00Z' })]) });
    renderApp('/admin/people');

    const dora = (await screen.findByRole('rowheader', { name: 'Dora Delegate' })).closest('tr')!;
    expect(within(dora).getByText('delegate@ee.example')).toBeTruthy();
    expect(within(dora).getByText('Delegate')).toBeTruthy();
    expect(await within(dora).findByText('Estonia')).toBeTruthy();
    expect(within(dora).getByText('Disabled')).toBeTruthy();
    expect(within(dora).getByText('5 January 2025')).toBeTruthy();
    const ada = screen.getByRole('rowheader', { name: 'Ada Admin (you)' }).closest('tr')!;
    expect(within(ada).getByText('Active')).toBeTruthy();
  });

  it('invites a delegate: asks for an active member state and shows the link to copy with its expiry', async () => {
    const requests = stubPeople();
    renderApp('/admin/people');
    const form = await inviteForm();

    await userEvent.type(form.getByLabelText('E-mail address'), 'anna@ee.example');
    await userEvent.selectOptions(form.getByLabelText('Role'), 'delegate');
    const state = await form.findByRole('combobox', { name: 'Member state' });
    await waitFor(() => expect(within(state).getByRole('option', { name: 'Estonia (EE)' })).toBeTruthy());
    expect(within(state).queryByRole('option', { name: /Iceland/ })).toBeNull();
    await userEvent.selectOptions(state, 'EE');
    await userEvent.click(form.getByRole('button', { name: 'Create invitation link' }));

    const link = (await screen.findByLabelText('Invitation link')) as HTMLInputElement;
    expect(link.value).toBe(created.url);
    expect(link.readOnly).toBe(true);
    const panel = screen.getByRole('region', { name: 'Invitation link for anna@ee.example' });
    expect(within(panel).getByText('1 March 2025')).toBeTruthy();
    expect(bodyOf(sent(requests, 'POST /api/invitations')[0])).toEqual({
      email: 'anna@ee.example',
      role: 'delegate',
      memberState: 'EE',
    });
  });

  it('asks for the member state of a delegate before sending the invitation', async () => {
    const requests = stubPeople();
    renderApp('/admin/people');
    const form = await inviteForm();

    await userEvent.type(form.getByLabelText('E-mail address'), 'anna@ee.example');
    await waitFor(() => expect(form.getByRole('option', { name: 'Estonia (EE)' })).toBeTruthy());
    await userEvent.click(form.getByRole('button', { name: 'Create invitation link' }));

    const state = form.getByRole('combobox', { name: 'Member state' });
    expect(state.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(state));
    expect(sent(requests, 'POST /api/invitations')).toHaveLength(0);
  });

  it('invites a consultant without a member state', async () => {
    const requests = stubPeople();
    renderApp('/admin/people');
    const form = await inviteForm();

    await userEvent.type(form.getByLabelText('E-mail address'), 'carl@unodc.example');
    await userEvent.type(form.getByLabelText('Name (optional)'), 'Carl');
    await userEvent.selectOptions(form.getByLabelText('Role'), 'consultant');

    expect(form.queryByRole('combobox', { name: 'Member state' })).toBeNull();
    await userEvent.click(form.getByRole('button', { name: 'Create invitation link' }));

    expect(await screen.findByLabelText('Invitation link')).toBeTruthy();
    expect(bodyOf(sent(requests, 'POST /api/invitations')[0])).toEqual({
      email: 'carl@unodc.example',
      name: 'Carl',
      role: 'consultant',
    });
    // Ready for the next person: empty fields, and the role shown is the role that will be sent.
    expect((form.getByLabelText('E-mail address') as HTMLInputElement).value).toBe('');
    expect((form.getByLabelText('Role') as HTMLSelectElement).value).toBe('consultant');
    expect(form.queryByRole('combobox', { name: 'Member state' })).toBeNull();
  });

  it("shows the server's reason beside the e-mail address when it refuses the invitation", async () => {
    stubPeople({
      'POST /api/invitations': () => errorResponse(409, 'USER_EXISTS', 'Someone with this e-mail address already has an account.'),
    });
    renderApp('/admin/people');
    const form = await inviteForm();

    await userEvent.type(form.getByLabelText('E-mail address'), 'delegate@ee.example');
    await userEvent.selectOptions(form.getByLabelText('Role'), 'analyst');
    await userEvent.click(form.getByRole('button', { name: 'Create invitation link' }));

    expect(await form.findByText('Someone with this e-mail address already has an account.')).toBeTruthy();
    expect(form.getByLabelText('E-mail address').getAttribute('aria-invalid')).toBe('true');
  });

  it('lists pending invitations with the member state by its name', async () => {
    stubPeople();
    renderApp('/admin/people');

    const pending = await screen.findByRole('region', { name: 'Pending invitations' });
    const row = (await within(pending).findByRole('rowheader', { name: 'new.delegate@dk.example' })).closest('tr')!;
    expect(await within(row).findByText('Denmark')).toBeTruthy();
  });

  it('withdraws a pending invitation after confirmation', async () => {
    const requests = stubPeople({ [`DELETE /api/invitations/${invitation.id}`]: noContent });
    renderApp('/admin/people');

    const pending = await screen.findByRole('region', { name: 'Pending invitations' });
    await userEvent.click(await within(pending).findByRole('button', { name: 'Withdraw the invitation for new.delegate@dk.example' }));
    await userEvent.click(within(pending).getByRole('button', { name: 'Withdraw' }));

    await waitFor(() => expect(sent(requests, `DELETE /api/invitations/${invitation.id}`)).toHaveLength(1));
  });

  it("changes a person's role, dropping the member state of a former delegate", async () => {
    const requests = stubPeople({
      [`PATCH /api/users/${delegateUser.id}`]: json(200, person({ ...delegateUser, role: 'analyst', memberState: null })),
    });
    renderApp('/admin/people');

    await userEvent.click(await screen.findByRole('button', { name: 'Manage Dora Delegate' }));
    const details = screen.getByRole('form', { name: 'Details of Dora Delegate' });
    await userEvent.selectOptions(within(details).getByLabelText('Role'), 'analyst');
    expect(within(details).queryByRole('combobox', { name: 'Member state' })).toBeNull();
    await userEvent.click(within(details).getByRole('button', { name: 'Save changes' }));

    expect(await within(details).findByText('Saved.')).toBeTruthy();
    expect(bodyOf(sent(requests, `PATCH /api/users/${delegateUser.id}`)[0])).toEqual({
      name: 'Dora Delegate',
      role: 'analyst',
      memberState: null,
    });
  });

  it('disables an account after confirmation, and never offers to disable your own', async () => {
    const requests = stubPeople({
      [`POST /api/users/${delegateUser.id}/disable`]: json(200, person(delegateUser, { disabledAt: '2025-02-02T10:00:00Z' })),
    });
    renderApp('/admin/people');

    await userEvent.click(await screen.findByRole('button', { name: 'Manage Ada Admin' }));
    expect(screen.queryByRole('button', { name: 'Disable account' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Manage Ada Admin' }));

    await userEvent.click(screen.getByRole('button', { name: 'Manage Dora Delegate' }));
    await userEvent.click(screen.getByRole('button', { name: 'Disable account' }));
    const question = screen.getByRole('group', { name: /Disable the account of Dora Delegate\?/ });
    await userEvent.click(within(question).getByRole('button', { name: 'Disable account' }));

    await waitFor(() => expect(sent(requests, `POST /api/users/${delegateUser.id}/disable`)).toHaveLength(1));
  });

  it("ends a person's sessions and says how many ended", async () => {
    stubPeople({ [`POST /api/users/${delegateUser.id}/sessions/revoke`]: json(200, { ended: 2 }) });
    renderApp('/admin/people');

    await userEvent.click(await screen.findByRole('button', { name: 'Manage Dora Delegate' }));
    await userEvent.click(screen.getByRole('button', { name: 'End sessions' }));
    await userEvent.click(within(screen.getByRole('group', { name: /Sign Dora Delegate out/ })).getByRole('button', { name: 'End sessions' }));

    expect(await screen.findByText('Dora Delegate has been signed out (2 sessions ended).')).toBeTruthy();
  });
});
