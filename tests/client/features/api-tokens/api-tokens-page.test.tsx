import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../helpers/fake-fetch';
import { bodyOf, json, noContent, sent, stubApi } from '../../helpers/fake-api';
import { analystUser, CSRF_TOKEN, signedInAs } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';

const SECRET = 'ncs_4f9a0c7e5b2d41e8a3c6f1b0d9e7a5c3';

function stubTokens(initial = [{ id: 'tok-1', name: 'Nightly export', createdAt: '2025-01-10T08:00:00Z', lastUsedAt: null as string | null }]) {
  let tokens = [...initial];
  const requests = stubApi({
    'GET /api/auth/me': json(200, signedInAs(analystUser)),
    'GET /api/tokens': () => new Response(JSON.stringify(tokens), { status: 200 }),
    'POST /api/tokens': (request) => {
      const { name } = bodyOf(request) as { name: string };
      tokens = [...tokens, { id: 'tok-2', name, createdAt: '2025-02-01T08:00:00Z', lastUsedAt: null }];
      return new Response(JSON.stringify({ id: 'tok-2', token: SECRET }), { status: 201 });
    },
    'DELETE /api/tokens/tok-1': (request) => {
      tokens = tokens.filter((token) => token.id !== 'tok-1');
      return noContent(request);
    },
  });
  return requests;
}

describe('My API tokens page', () => {
  it('lists my tokens with when they were created and last used', async () => {
    stubTokens([
      { id: 'tok-1', name: 'Nightly export', createdAt: '2025-01-10T08:00:00Z', lastUsedAt: null },
      { id: 'tok-3', name: 'R script', createdAt: '2025-01-12T08:00:00Z', lastUsedAt: '2025-01-20T08:00:00Z' },
    ]);
    renderApp('/account/tokens');

    const nightly = (await screen.findByRole('rowheader', { name: 'Nightly export' })).closest('tr')!;
    expect(within(nightly).getByText(/10 January 2025/)).toBeTruthy();
    expect(within(nightly).getByText('Never')).toBeTruthy();
    const script = screen.getByRole('rowheader', { name: 'R script' }).closest('tr')!;
    expect(within(script).getByText(/20 January 2025/)).toBeTruthy();
  });

  it('shows a new token once, read-only and ready to copy, and never again', async () => {
    const requests = stubTokens();
    renderApp('/account/tokens');

    await userEvent.type(await screen.findByLabelText('Name'), 'Monthly statistics');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));

    const field = (await screen.findByLabelText('API token')) as HTMLInputElement;
    expect(field.value).toBe(SECRET);
    expect(field.readOnly).toBe(true);
    expect(screen.getByText(/it is shown only this once/i)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy API token' })).toBeTruthy();
    expect(bodyOf(sent(requests, 'POST /api/tokens')[0])).toEqual({ name: 'Monthly statistics' });
    expect(sent(requests, 'POST /api/tokens')[0]?.headers.get('x-csrf-token')).toBe(CSRF_TOKEN);
    expect(await screen.findByRole('rowheader', { name: 'Monthly statistics' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'I have copied it' }));

    expect(screen.queryByLabelText('API token')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('asks for a name before creating a token', async () => {
    const requests = stubTokens();
    renderApp('/account/tokens');

    await userEvent.click(await screen.findByRole('button', { name: 'Create token' }));

    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(sent(requests, 'POST /api/tokens')).toHaveLength(0);
  });

  it('revokes a token only after confirmation', async () => {
    const requests = stubTokens();
    renderApp('/account/tokens');

    await userEvent.click(await screen.findByRole('button', { name: 'Revoke Nightly export' }));
    const question = screen.getByRole('group', { name: /Revoke “Nightly export”\?/ });
    expect(sent(requests, 'DELETE /api/tokens/tok-1')).toHaveLength(0);

    await userEvent.click(within(question).getByRole('button', { name: 'Revoke' }));

    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Nightly export' })).toBeNull());
    expect(sent(requests, 'DELETE /api/tokens/tok-1')).toHaveLength(1);
    expect(await screen.findByRole('heading', { name: 'No tokens yet' })).toBeTruthy();
  });

  it('keeps a token when the confirmation is cancelled', async () => {
    const requests = stubTokens();
    renderApp('/account/tokens');

    const revoke = await screen.findByRole('button', { name: 'Revoke Nightly export' });
    await userEvent.click(revoke);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.getByRole('rowheader', { name: 'Nightly export' })).toBeTruthy();
    expect(sent(requests, 'DELETE /api/tokens/tok-1')).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Revoke Nightly export' }));
  });

  it("shows the server's message when the tokens cannot be loaded", async () => {
    stubApi({
      'GET /api/auth/me': json(200, signedInAs(analystUser)),
      'GET /api/tokens': () => errorResponse(503, 'UNAVAILABLE', 'The server is busy.'),
    });
    renderApp('/account/tokens');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The server is busy.')).toBeTruthy();
  });
});
