import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, sent, stubApi } from '../../helpers/fake-api';
import { adminUser, signedInAs } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';

function event(id: number, action = 'auth.signed_in') {
  return {
    id: String(id),
    at: '2025-02-03T09:30:00Z',
    actorId: adminUser.id,
    actorEmail: adminUser.email,
    action,
    target: `person${id}@example.org`,
    details: action === 'auth.sign_in_failed' ? { reason: 'wrong_password' } : {},
    ip: '203.0.113.7',
  };
}

/** 100 events (a full page) from id 250 down, then a short last page. */
function stubAudit() {
  return stubApi({
    'GET /api/auth/me': json(200, signedInAs(adminUser)),
    'GET /api/audit': (request) => {
      const query = new URL(request.url, 'http://localhost').searchParams;
      if (query.get('action')) return new Response(JSON.stringify([event(7, query.get('action')!)]), { status: 200 });
      const events = query.get('before') === '151' ? [event(150), event(149)] : Array.from({ length: 100 }, (_, i) => event(250 - i));
      return new Response(JSON.stringify(events), { status: 200 });
    },
  });
}

/** The table cell showing `text` (an e-mail is split by <wbr>, which jsdom's accessible names read as spaces). */
const cellWith = async (text: string) => (await screen.findByText(text)).closest('td')!;

describe('Audit log page', () => {
  it('shows time, actor, action, target and address of each event', async () => {
    stubAudit();
    renderApp('/admin/audit');

    const cell = await cellWith('person250@example.org');
    const row = cell.closest('tr')!;
    expect(within(row).getByText(/3 February 2025/)).toBeTruthy();
    expect(within(row).getByText(adminUser.email)).toBeTruthy();
    expect(within(row).getByText('auth.signed_in')).toBeTruthy();
    expect(within(row).getByText('203.0.113.7')).toBeTruthy();
  });

  it('loads older events below the oldest one shown', async () => {
    const requests = stubAudit();
    renderApp('/admin/audit');

    await userEvent.click(await screen.findByRole('button', { name: 'Load older events' }));

    expect(await cellWith('person149@example.org')).toBeTruthy();
    const pages = sent(requests, 'GET /api/audit').map((r) => new URL(r.url, 'http://localhost').searchParams.get('before'));
    expect(pages).toEqual([null, '151']);
    expect(screen.getAllByRole('row')).toHaveLength(1 + 102);
    expect(screen.queryByRole('button', { name: 'Load older events' })).toBeNull();
    expect(screen.getByText('That is the oldest event.')).toBeTruthy();
  });

  it('filters by action, and downloads the same events as CSV', async () => {
    const requests = stubAudit();
    const { router } = renderApp('/admin/audit');

    // Chosen from a list by what it means, not typed as a code.
    const filter = await screen.findByRole('combobox', { name: 'Action' });
    expect(within(filter).getByRole('option', { name: 'Every action' })).toBeTruthy();
    expect(within(filter).getByRole('group', { name: 'Replies and analysis' })).toBeTruthy();
    await userEvent.selectOptions(filter, 'Sign-in failed (auth.sign_in_failed)');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));

    expect(await cellWith('person7@example.org')).toBeTruthy();
    expect(screen.getByText('reason: wrong_password')).toBeTruthy();
    expect(router.state.location.search).toBe('?action=auth.sign_in_failed');
    await waitFor(() =>
      expect(new URL(sent(requests, 'GET /api/audit').at(-1)!.url, 'http://localhost').searchParams.get('action')).toBe(
        'auth.sign_in_failed',
      ),
    );
    expect(screen.getByRole('link', { name: 'Download CSV of these events' }).getAttribute('href')).toBe(
      '/api/audit.csv?action=auth.sign_in_failed',
    );
  });

  it('offers the whole log as CSV', async () => {
    stubAudit();
    renderApp('/admin/audit');

    expect((await screen.findByRole('link', { name: 'Download CSV' })).getAttribute('href')).toBe('/api/audit.csv');
  });

  it('keeps an action it does not know, given in the address, as the chosen one', async () => {
    stubAudit();
    renderApp('/admin/audit?action=report.printed');

    const filter = await screen.findByRole('combobox', { name: 'Action' });
    expect((filter as HTMLSelectElement).value).toBe('report.printed');
  });

  it('lets e-mail addresses wrap only after the @ and before a dot, never mid-word', async () => {
    stubAudit();
    renderApp('/admin/audit');

    const cell = await cellWith('person250@example.org');
    expect(cell.innerHTML).toBe('<span class="breakable-text">person250@<wbr>example<wbr>.org</span>');
    expect(cell.classList.contains('table__details')).toBe(false);
  });
});
