import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../helpers/fake-fetch';
import { bodyOf, json, sent, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { adminUser, memberStatesFixture, signedInAs } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';

function stubStates(overrides: Record<string, ApiHandler> = {}) {
  return stubApi({
    'GET /api/auth/me': json(200, signedInAs(adminUser)),
    'GET /api/member-states': json(200, memberStatesFixture),
    ...overrides,
  });
}

const addForm = async () => within(await screen.findByRole('region', { name: 'Add a member state' }));

describe('Member states page', () => {
  it('lists every state with its code, name and whether it is active, and explains that none is deleted', async () => {
    stubStates();
    renderApp('/admin/member-states');

    const iceland = (await screen.findByRole('rowheader', { name: 'IS' })).closest('tr')!;
    expect(within(iceland).getByText('Iceland')).toBeTruthy();
    expect(within(iceland).getByText('Inactive')).toBeTruthy();
    expect(within(iceland).getByRole('button', { name: 'Reactivate Iceland (IS)' })).toBeTruthy();
    const estonia = screen.getByRole('rowheader', { name: 'EE' }).closest('tr')!;
    expect(within(estonia).getByText('Active')).toBeTruthy();
    expect(screen.getByText(/never deleted/)).toBeTruthy();
  });

  it('adds a state, with its code in capitals', async () => {
    const requests = stubStates({ 'POST /api/member-states': json(201, { code: 'DE-BY', name: 'Bavaria', active: true }) });
    renderApp('/admin/member-states');
    const form = await addForm();

    await userEvent.type(form.getByLabelText('Code'), 'de-by');
    await userEvent.type(form.getByLabelText('Name'), 'Bavaria');
    await userEvent.click(form.getByRole('button', { name: 'Add member state' }));

    expect(await form.findByText('Bavaria (DE-BY) has been added.')).toBeTruthy();
    expect(bodyOf(sent(requests, 'POST /api/member-states')[0])).toEqual({ code: 'DE-BY', name: 'Bavaria' });
  });

  it("shows the server's message beside the code when the code is taken", async () => {
    stubStates({
      'POST /api/member-states': () => errorResponse(409, 'MEMBER_STATE_EXISTS', 'A member state with this code already exists.'),
    });
    renderApp('/admin/member-states');
    const form = await addForm();

    await userEvent.type(form.getByLabelText('Code'), 'EE');
    await userEvent.type(form.getByLabelText('Name'), 'Estonia again');
    await userEvent.click(form.getByRole('button', { name: 'Add member state' }));

    expect(await form.findByText('A member state with this code already exists.')).toBeTruthy();
    const code = form.getByLabelText('Code');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(code));
  });

  it("shows an unexpected refusal as an alert with the server's message", async () => {
    stubStates({
      'POST /api/member-states': () => errorResponse(403, 'FORBIDDEN', 'Your role does not allow this.'),
    });
    renderApp('/admin/member-states');
    const form = await addForm();

    await userEvent.type(form.getByLabelText('Code'), 'NO');
    await userEvent.type(form.getByLabelText('Name'), 'Norway');
    await userEvent.click(form.getByRole('button', { name: 'Add member state' }));

    const alert = await form.findByRole('alert');
    expect(alert.textContent).toContain('Your role does not allow this.');
  });

  it('deactivates a state only after saying that its data is kept', async () => {
    const requests = stubStates({ 'PATCH /api/member-states/EE': json(200, { code: 'EE', name: 'Estonia', active: false }) });
    renderApp('/admin/member-states');

    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate Estonia (EE)' }));
    const question = screen.getByRole('group', { name: /Deactivate Estonia \(EE\)\?/ });
    expect(question.textContent).toContain('responses and data are kept');
    await userEvent.click(within(question).getByRole('button', { name: 'Deactivate' }));

    await waitFor(() => expect(sent(requests, 'PATCH /api/member-states/EE')).toHaveLength(1));
    expect(bodyOf(sent(requests, 'PATCH /api/member-states/EE')[0])).toEqual({ active: false });
  });

  it('renames a state', async () => {
    const requests = stubStates({ 'PATCH /api/member-states/DK': json(200, { code: 'DK', name: 'Kingdom of Denmark', active: true }) });
    renderApp('/admin/member-states');

    await userEvent.click(await screen.findByRole('button', { name: 'Rename Denmark (DK)' }));
    const name = screen.getByLabelText('New name of DK');
    await userEvent.clear(name);
    await userEvent.type(name, 'Kingdom of Denmark');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));

    await waitFor(() => expect(screen.queryByLabelText('New name of DK')).toBeNull());
    expect(bodyOf(sent(requests, 'PATCH /api/member-states/DK')[0])).toEqual({ name: 'Kingdom of Denmark' });
  });
});
