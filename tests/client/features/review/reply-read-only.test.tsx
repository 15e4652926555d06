import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { consultantUser, delegateUser } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { REPLY_URL, reply, stubReplyApi } from '../responses/response-fixtures';

const LONG_VALUE = 'Adviser, Criminal Policy Department, Ministry of the Interior (delegate.for.estonia@siseministeerium.example.ee)';
const answered = { action_plan: 'in_force', coordinator: LONG_VALUE };

describe('A reply that is read rather than filled in', () => {
  it('shows every section on one page, with the sections as a table of contents', async () => {
    stubReplyApi(consultantUser, { response: reply({ status: 'submitted', data: answered }) });
    renderApp(REPLY_URL);

    expect(await screen.findByRole('radio', { name: 'In force' })).toHaveProperty('checked', true);
    // The second section is on the same page, without turning pages.
    expect(screen.getByText('Who is the national coordinator?')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();

    const contents = screen.getByRole('navigation', { name: 'Sections' });
    const links = within(contents).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['National coordination', 'People']);
    for (const link of links) {
      const target = document.getElementById(link.getAttribute('href')!.slice(1));
      expect(target?.textContent).toContain(link.textContent);
    }
  });

  it('shows a long text answer whole, as text rather than in a box that cuts it off', async () => {
    stubReplyApi(consultantUser, { response: reply({ status: 'submitted', data: answered }) });
    renderApp(REPLY_URL);

    expect(await screen.findByText(LONG_VALUE)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /^Who is the national coordinator\?/ })).toBeNull();
  });

  it('keeps the sections apart for a delegate filling the reply in', async () => {
    stubReplyApi(delegateUser, { response: reply({ status: 'returned', data: answered }) });
    renderApp(REPLY_URL);

    await screen.findByRole('radio', { name: 'In force' });
    expect(screen.queryByText('Who is the national coordinator?')).toBeNull();
    const sections = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(sections).queryAllByRole('link')).toHaveLength(0);
    expect(within(sections).getByRole('button', { name: 'National coordination' }).getAttribute('aria-current')).toBe('step');
  });
});
