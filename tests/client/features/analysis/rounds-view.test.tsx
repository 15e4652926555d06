import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, stubApi } from '../../helpers/fake-api';
import { analystUser } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { analysisRoutes, queryOf, ROUNDS, roundsFixture } from './analysis-fixtures';

const ROUNDS_URL = '/analysis?survey=national-cooperation&from=1&to=2&table=identification-referral';
const roundsTable = () => screen.findByRole('table', { name: 'Each member state’s answers in 2009 and 2010' });

describe('Two rounds side by side', { timeout: 20_000 }, () => {
  it("puts each state's 2009 and 2010 answers next to each other and marks, in words, what changed", async () => {
    const requests = stubApi(analysisRoutes(analystUser));
    renderApp(ROUNDS_URL);

    const table = await roundsTable();
    const estonia = within(table).getByRole('rowheader', { name: /^Estonia/ }).closest('tr')!;
    const cells = within(estonia).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual([
      'Accepted',
      'Submitted',
      '1 answer',
      'Informal',
      'Formalchanged',
      'In all cases',
      'In all cases',
      'Yes',
      'Not asked in 2010',
      'Not asked in 2009',
      'A plan is adopted',
    ]);
    expect(queryOf(requests, ROUNDS).toString()).toBe('from=1&to=2&table=identification-referral');
  });

  it('shows dropped and new questions as such, and a renamed, recoded one with its 2009 name', async () => {
    stubApi(analysisRoutes(analystUser));
    renderApp(ROUNDS_URL);

    const table = await roundsTable();
    const heads = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(heads).toContain('Is there a good practice MoU?Dropped in 2010');
    expect(heads).toContain('Has the Stockholm conference been followed up?New in 2010');
    expect(heads).toContain('Are returned victims followed up?renamed (reintegration_follow_up in 2009) · 2009 codes recoded · 0 states changed');
    expect(heads).toContain('Is there a national referral mechanism?1 state changed');
  });

  it('says when a state has no counted reply in a round', async () => {
    stubApi(analysisRoutes(analystUser));
    renderApp(ROUNDS_URL);

    const latvia = within(await roundsTable()).getByRole('rowheader', { name: /^Latvia/ }).closest('tr')!;
    const cells = within(latvia).getAllByRole('cell');
    expect(cells[1]!.textContent).toBe('No counted reply');
    expect(cells[4]!.textContent).toBe('—No counted reply');
  });

  it('gives the counts of each round in words, and charts them for the question chosen', async () => {
    stubApi(analysisRoutes(analystUser));
    renderApp(ROUNDS_URL);

    const counts = within(await screen.findByRole('region', { name: 'Counts in each round' }));
    expect(counts.getByText('Answered by 2 of 4 states in 2009, 1 of 4 in 2010.')).toBeTruthy();
    expect(counts.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Formal: 1 of 4 states in 2009, 1 of 4 in 2010',
      'Informal: 1 of 4 states in 2009, 0 of 4 in 2010',
    ]);
    expect(counts.getByText('Chosen by no state in either round: None.')).toBeTruthy();

    const chart = await screen.findByRole('figure', { name: 'Member states per answer in 2009 and 2010: Is there a national referral mechanism?' });
    expect((await within(chart).findByRole('img')).getAttribute('aria-label')).toBe(
      'Bar chart. Formal, 2009: 1; Formal, 2010: 1; Informal, 2009: 1; Informal, 2010: 0; None, 2009: 0; None, 2010: 0.',
    );
  });

  it('counts a question one round does not ask in the round that asks it, and says the other does not', async () => {
    const yesNo = (yes: number, no: number) => ({ answered: yes + no, counts: [{ value: 1, label: 'Yes', count: yes }, { value: 0, label: 'No', count: no }] });
    const summaries = [
      { key: 'mou_good_practice', question: 'mou_good_practice', title: 'Is there a good practice MoU?', kind: 'dropped' as const, from: yesNo(1, 1), to: null },
      { key: 'stockholm_follow_up', question: 'stockholm_follow_up', title: 'Has the Stockholm conference been followed up?', kind: 'added' as const, from: null, to: yesNo(1, 0) },
    ];
    stubApi(analysisRoutes(analystUser, { [ROUNDS]: json(200, { ...roundsFixture, summaries }) }));
    renderApp(ROUNDS_URL);

    const counts = within(await screen.findByRole('region', { name: 'Counts in each round' }));
    expect(counts.getByText('Answered by 2 of 4 states in 2009; not asked in 2010.')).toBeTruthy();
    expect(counts.getByText('Answered by 1 of 4 states in 2010; not asked in 2009.')).toBeTruthy();
    expect(counts.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Yes: 1 of 4 states in 2009',
      'No: 1 of 4 states in 2009',
      'Yes: 1 of 4 states in 2010',
    ]);

    const chart = await screen.findByRole('figure', { name: 'Member states per answer in 2009 and 2010: Is there a good practice MoU?' });
    expect((await within(chart).findByRole('img')).getAttribute('aria-label')).toBe('Bar chart. Yes, 2009: 1; No, 2009: 1.');
    expect(within(chart).getAllByRole('row').map((row) => row.textContent)).toEqual(['Answer20092010', 'Yes1Not asked', 'No1Not asked']);
  });

  it('offers the two-round file for what is on screen, in labels and codes', async () => {
    stubApi(analysisRoutes(analystUser));
    renderApp(`${ROUNDS_URL}&status=submitted,returned,accepted`);

    const downloads = within(await screen.findByRole('region', { name: 'Download' }));
    expect(downloads.getByRole('link', { name: /^Two rounds, labels/ }).getAttribute('href')).toBe(
      '/api/surveys/national-cooperation/export/rounds.csv?from=1&to=2&table=identification-referral&status=submitted%2Creturned%2Caccepted&values=labels',
    );
    expect(downloads.getByRole('link', { name: /^Two rounds, codes/ }).getAttribute('href')).toContain('values=codes');
  });

  it('switches from one version to two rounds, the later round being the version shown', async () => {
    stubApi(analysisRoutes(analystUser));
    const { router } = renderApp('/analysis?survey=national-cooperation&version=2&table=identification-referral');
    await screen.findByRole('table', { name: /the answers of each member state/ });

    await userEvent.click(screen.getByRole('radio', { name: 'Two rounds side by side' }));

    expect(await roundsTable()).toBeTruthy();
    const search = new URLSearchParams(router.state.location.search);
    expect([search.get('from'), search.get('to'), search.get('version')]).toEqual(['1', '2', null]);
    expect((screen.getByRole('combobox', { name: 'Earlier round' }) as HTMLSelectElement).value).toBe('1');
  });

  it("links each state to its profile, but not an anonymised state's alias in the publication variant", async () => {
    const alias = { ...roundsFixture.rows[1]!, memberState: 'State A', memberStateName: 'State A' };
    stubApi(analysisRoutes(analystUser, { [ROUNDS]: json(200, { ...roundsFixture, rows: [roundsFixture.rows[0], alias] }) }));
    renderApp(`${ROUNDS_URL}&for=publication`);

    const table = await roundsTable();
    await waitFor(() => expect(within(table).getByRole('rowheader', { name: /^Estonia/ }).querySelector('a')).not.toBeNull());
    expect(within(table).getByRole('rowheader', { name: 'State A' }).querySelector('a')).toBeNull();
  });

  it('says so when neither round has a counted reply', async () => {
    stubApi(analysisRoutes(analystUser, { [ROUNDS]: json(200, { ...roundsFixture, rows: [] }) }));
    renderApp(ROUNDS_URL);

    expect(await screen.findByRole('heading', { name: 'No counted reply in either round' })).toBeTruthy();
  });
});
