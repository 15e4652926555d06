import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, stubApi } from '../../helpers/fake-api';
import { analystUser } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { analysisRoutes, COMPARISON, comparisonFixture, queryOf } from './analysis-fixtures';

async function openPicker() {
  await userEvent.click(await screen.findByText('Or choose questions'));
  return screen.findByRole('searchbox', { name: 'Find a question' });
}

const picker = () => within(screen.getByText(/^Or choose questions/).closest('details')!);
const groupTitles = () => picker().getAllByRole('group').map((group) => group.querySelector('legend')?.textContent);

describe('The question picker', { timeout: 20_000 }, () => {
  it("lists the version's questions once each, grouped by section with the sections' titles, personal data left out", async () => {
    stubApi(analysisRoutes(analystUser));
    renderApp('/analysis?survey=national-cooperation&version=2');
    await openPicker();

    expect(groupTitles()).toEqual(['C. National coordination', 'F. Identification and referral']);
    // Personal data is never compared: the contact person is not offered.
    expect(within(screen.getByRole('group', { name: 'C. National coordination' })).getAllByRole('checkbox').map((box) => box.closest('label')!.textContent)).toEqual([
      'Is a national action plan in force? action_plan',
      'Who is the national coordinator? coordinator',
    ]);
    const referral = screen.getByRole('group', { name: 'F. Identification and referral' });
    expect(within(referral).getAllByRole('checkbox').map((box) => box.closest('label')!.textContent)).toEqual([
      'Is there a national referral mechanism? national_referral_mechanism',
      'Who may formally identify a victim? identification_authority',
    ]);
  });

  it('finds questions by any words of their title, name or section, ignoring case and accents', async () => {
    stubApi(analysisRoutes(analystUser));
    renderApp('/analysis?survey=national-cooperation&version=2');
    const search = await openPicker();

    await userEvent.type(search, 'NATIONAL cöordinator');

    expect(screen.getAllByRole('checkbox', { name: /national_|coordinator/ }).map((box) => box.closest('label')!.textContent)).toEqual([
      'Who is the national coordinator? coordinator',
    ]);
    expect(screen.getByText(/1 question matches/)).toBeTruthy();

    await userEvent.clear(search);
    await userEvent.type(search, 'referral');
    expect(groupTitles()).toEqual(['F. Identification and referral']);
  });

  it('shows the ticked questions, in questionnaire order, once asked to; the address and the request name them', async () => {
    const requests = stubApi(analysisRoutes(analystUser, { [COMPARISON]: json(200, { ...comparisonFixture, table: null }) }));
    const { router } = renderApp('/analysis?survey=national-cooperation&version=2');
    await openPicker();

    await userEvent.click(screen.getByRole('checkbox', { name: /national_referral_mechanism/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: /action_plan/ }));
    expect(requests.some((request) => request.url.includes('/comparison'))).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Show these questions' }));

    await waitFor(() => expect(queryOf(requests, COMPARISON).get('questions')).toBe('action_plan,national_referral_mechanism'));
    expect(new URLSearchParams(router.state.location.search).get('questions')).toBe('action_plan,national_referral_mechanism');
    expect(await screen.findByRole('heading', { level: 2, name: 'Chosen questions' })).toBeTruthy();
    expect(screen.getByText('Or choose questions (2 shown)')).toBeTruthy();
  });
});
