import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ReviewBoardPage } from '../../../../client/src/features/review/components/review-board-page';
import type { Survey } from '../../../../client/src/types/api';
import { json, sent, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { deferredResponse, errorResponse, jsonResponse } from '../../helpers/fake-fetch';
import { surveysFixture } from '../../helpers/fixtures';
import { renderRoutes } from '../../helpers/render';
import { boardEntry, boardOf, boardPath, boardRoutes } from './board-fixtures';

/** The 2010 follow-up (version 2) in every status; the 2009 baseline mostly accepted. */
const FOLLOW_UP = [
  boardEntry({ memberState: 'DK', memberStateName: 'Denmark', status: 'draft', revision: 4, progress: 0.42, lastActivity: { at: '2010-10-01T08:00:00Z', by: 'Dorte Jensen' } }),
  boardEntry({
    status: 'submitted',
    revision: 12,
    progress: 1,
    openComments: 2,
    lastActivity: { at: '2010-10-04T09:15:00Z', by: 'Mari Kask' },
    submittedAt: '2010-10-04T09:15:00Z',
    daysSinceSubmission: 3,
  }),
  boardEntry({
    memberState: 'FI',
    memberStateName: 'Finland',
    status: 'submitted',
    revision: 20,
    progress: 1,
    lastActivity: { at: '2010-10-06T12:00:00Z', by: 'Fanni Virtanen' },
    submittedAt: '2010-10-06T12:00:00Z',
    daysSinceSubmission: 1,
    resubmitted: true,
  }),
  boardEntry({ memberState: 'IS', memberStateName: 'Iceland', status: 'returned', revision: 9, progress: 0.9, openComments: 1, lastActivity: { at: '2010-10-05T10:00:00Z', by: 'Carl Consultant' }, submittedAt: '2010-10-02T10:00:00Z' }),
  boardEntry({ memberState: 'LV', memberStateName: 'Latvia' }),
  boardEntry({ memberState: 'SE', memberStateName: 'Sweden', status: 'accepted', revision: 7, progress: 1, lastActivity: { at: '2010-09-30T10:00:00Z', by: 'Carl Consultant' }, submittedAt: '2010-09-28T10:00:00Z' }),
];
const BASELINE = FOLLOW_UP.map((entry) =>
  boardEntry({ ...entry, status: 'accepted', revision: 30, progress: 1, openComments: 0, daysSinceSubmission: null, resubmitted: false, lastActivity: { at: '2009-12-01T10:00:00Z', by: 'Carl Consultant' } }),
);

const SURVEYS: Survey[] = [surveysFixture[0]!];

function renderBoard(url = '/review', routes: Record<string, ApiHandler> = {}, surveys: Survey[] = SURVEYS) {
  const requests = stubApi({
    'GET /api/surveys': json(200, surveys),
    ...boardRoutes(surveys, { 'national-cooperation/2': FOLLOW_UP, 'national-cooperation/1': BASELINE }),
    ...routes,
  });
  const result = renderRoutes([{ path: '/review', element: <ReviewBoardPage /> }], url);
  return { requests, ...result };
}

const table = () => screen.findByRole('table', { name: /^Every member state’s reply to each questionnaire version/ });
const stateOrder = async () => within(await table()).getAllByRole('rowheader').map((cell) => cell.firstChild?.textContent);
const rowOf = async (state: string) => within(await table()).getByRole('rowheader', { name: new RegExp(`^${state}`) }).closest('tr')!;
const versionHeader = async (title: string) => within(await table()).getByRole('columnheader', { name: new RegExp(title) });

describe('The review board', () => {
  it('shows member states × versions, each cell the reply’s status, progress, open comments, last activity, waiting time and the way in', async () => {
    const { requests } = renderBoard();

    const board = await table();
    const headers = within(board).getAllByRole('columnheader');
    expect(headers).toHaveLength(3);
    expect(within(headers[0]!).getByRole('button', { name: /^Member state/ })).toBeTruthy();
    // Open rounds first, then the newest; each header names its questionnaire and version.
    expect(within(headers[1]!).getByText('2010 follow-up')).toBeTruthy();
    expect(within(headers[1]!).getByText('Version 2 · open')).toBeTruthy();
    expect(within(headers[2]!).getByText('2009 baseline')).toBeTruthy();
    expect(await stateOrder()).toEqual(['Denmark', 'Estonia', 'Finland', 'Iceland', 'Latvia', 'Sweden']);

    const [estoniaNow, estoniaThen] = within(await rowOf('Estonia')).getAllByRole('cell');
    const now = within(estoniaNow!);
    expect(now.getByText('Submitted')).toBeTruthy();
    expect(now.getByRole('progressbar', { name: 'Answered' }).getAttribute('value')).toBe('100');
    expect(now.getByText('100% answered')).toBeTruthy();
    expect(now.getByText('2 open comments')).toBeTruthy();
    expect(now.getByText('Waiting 3 days')).toBeTruthy();
    expect(now.getByText(/by Mari Kask/).textContent).toBe('4 October 2010 by Mari Kask');
    expect(now.getByText('4 October 2010', { selector: 'time' }).getAttribute('datetime')).toBe('2010-10-04T09:15:00Z');
    expect(now.getByRole('link', { name: 'Open Estonia’s reply to National cooperation survey, version 2' }).getAttribute('href')).toBe(
      '/questionnaires/national-cooperation/versions/2/responses/EE',
    );
    expect(within(estoniaThen!).getByText('Accepted')).toBeTruthy();
    expect(within(estoniaThen!).getByRole('link', { name: 'Open Estonia’s reply to National cooperation survey, version 1' }).getAttribute('href')).toBe(
      '/questionnaires/national-cooperation/versions/1/responses/EE',
    );

    const finland = within(within(await rowOf('Finland')).getAllByRole('cell')[0]!);
    expect(finland.getByText('Resubmitted')).toBeTruthy();
    expect(finland.getByText('Waiting 1 day')).toBeTruthy();
    const latvia = within(within(await rowOf('Latvia')).getAllByRole('cell')[0]!);
    expect(latvia.getByText('Not started')).toBeTruthy();
    expect(latvia.queryByText(/ by /)).toBeNull();
    expect(latvia.queryByRole('progressbar')).toBeNull();
    // Only a submitted reply waits; a returned one shows who has it now.
    const iceland = within(within(await rowOf('Iceland')).getAllByRole('cell')[0]!);
    expect(iceland.queryByText(/Waiting|Submitted today/)).toBeNull();
    expect(iceland.getByText('1 open comment')).toBeTruthy();

    // One request per version, none per state.
    expect(sent(requests, boardPath('national-cooperation', 2))).toHaveLength(1);
    expect(sent(requests, boardPath('national-cooperation', 1))).toHaveLength(1);
    expect(requests.filter((request) => request.url.includes('/responses'))).toHaveLength(0);
  });

  it('says where each version’s replies stand in one line', async () => {
    renderBoard();

    const summaries = await screen.findByRole('region', { name: 'Where the replies stand' });
    expect(within(summaries).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '2010 follow-up (Version 2)1 accepted · 2 submitted · 1 returned · 1 draft · 1 not started',
      '2009 baseline (Version 1)6 accepted',
    ]);
  });

  it('sorts by member state, and by a version’s status, last activity or days waiting, saying so in aria-sort', async () => {
    renderBoard();
    const user = userEvent.setup();
    const stateHeader = within(await table()).getByRole('columnheader', { name: /Member state/ });
    expect(stateHeader.getAttribute('aria-sort')).toBe('ascending');

    await user.click(within(stateHeader).getByRole('button', { name: /Member state/ }));
    expect(stateHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await stateOrder()).toEqual(['Sweden', 'Latvia', 'Iceland', 'Finland', 'Estonia', 'Denmark']);

    const followUp = await versionHeader('2010 follow-up');
    await user.click(within(followUp).getByRole('button', { name: 'Days waiting' }));
    expect(followUp.getAttribute('aria-sort')).toBe('descending');
    expect(stateHeader.getAttribute('aria-sort')).toBeNull();
    expect(within(followUp).getByRole('button', { name: 'Days waiting (sorted descending)' })).toBeTruthy();
    // The longest wait first; replies not waiting last, alphabetically.
    expect(await stateOrder()).toEqual(['Estonia', 'Finland', 'Denmark', 'Iceland', 'Latvia', 'Sweden']);
    await user.click(within(followUp).getByRole('button', { name: /^Days waiting/ }));
    expect(followUp.getAttribute('aria-sort')).toBe('ascending');
    expect(await stateOrder()).toEqual(['Finland', 'Estonia', 'Denmark', 'Iceland', 'Latvia', 'Sweden']);

    await user.click(within(followUp).getByRole('button', { name: 'Status' }));
    expect(await stateOrder()).toEqual(['Latvia', 'Denmark', 'Iceland', 'Estonia', 'Finland', 'Sweden']);

    await user.click(within(followUp).getByRole('button', { name: 'Last activity' }));
    expect(await stateOrder()).toEqual(['Finland', 'Iceland', 'Estonia', 'Denmark', 'Sweden', 'Latvia']);

    const baseline = await versionHeader('2009 baseline');
    await user.click(within(baseline).getByRole('button', { name: 'Status' }));
    expect(baseline.getAttribute('aria-sort')).toBe('ascending');
    expect(followUp.getAttribute('aria-sort')).toBeNull();
  });

  it('filters: “Submitted — waiting for me”, returned, not started, open comments; in any version or one', async () => {
    renderBoard();
    const user = userEvent.setup();
    const filter = within(await screen.findByRole('search', { name: 'Filter the review board' }));
    expect(screen.getByRole('status').textContent).toBe('All 6 member states');

    await user.selectOptions(filter.getByRole('combobox', { name: 'Show' }), 'Submitted — waiting for me');
    expect(await stateOrder()).toEqual(['Estonia', 'Finland']);
    expect(screen.getByRole('status').textContent).toBe('2 of 6 member states');
    expect((await table()).querySelector('caption')?.textContent).toBe('Every member state’s reply to each questionnaire version: submitted — waiting for me');

    await user.selectOptions(filter.getByRole('combobox', { name: 'Show' }), 'Resubmitted after a return');
    expect(await stateOrder()).toEqual(['Finland']);

    await user.selectOptions(filter.getByRole('combobox', { name: 'Show' }), 'Returned — with the delegates');
    expect(await stateOrder()).toEqual(['Iceland']);

    await user.selectOptions(filter.getByRole('combobox', { name: 'Show' }), 'Not started');
    expect(await stateOrder()).toEqual(['Latvia']);

    await user.selectOptions(filter.getByRole('combobox', { name: 'Show' }), 'With open comments');
    expect(await stateOrder()).toEqual(['Estonia', 'Iceland']);

    // Accepted: every state in 2009; only Sweden in 2010.
    await user.selectOptions(filter.getByRole('combobox', { name: 'Show' }), 'Accepted');
    expect(await stateOrder()).toHaveLength(6);
    await user.selectOptions(filter.getByRole('combobox', { name: 'In' }), '2010 follow-up (Version 2)');
    expect(await stateOrder()).toEqual(['Sweden']);

    await user.selectOptions(filter.getByRole('combobox', { name: 'Show' }), 'Draft');
    await user.selectOptions(filter.getByRole('combobox', { name: 'In' }), '2009 baseline (Version 1)');
    expect(within(await table()).queryAllByRole('rowheader')).toHaveLength(0);
    expect(within(await table()).getByText('No reply matches “Draft” in this version. Choose “All member states” to see every one.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('0 of 6 member states');

    await user.selectOptions(filter.getByRole('combobox', { name: 'Show' }), 'All member states');
    expect(await stateOrder()).toHaveLength(6);
  });

  it('keeps the filter and sort in the address, so that coming back from a reply restores them', async () => {
    const { router } = renderBoard('/review?show=waiting&sort=waiting&column=national-cooperation%2F2&order=desc');

    expect(await stateOrder()).toEqual(['Estonia', 'Finland']);
    expect((await versionHeader('2010 follow-up')).getAttribute('aria-sort')).toBe('descending');
    expect((screen.getByRole('combobox', { name: 'Show' }) as HTMLSelectElement).value).toBe('waiting');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Returned — with the delegates');
    expect(router.state.location.search).toBe('?show=returned&sort=waiting&column=national-cooperation%2F2&order=desc');
  });

  it('falls back to every state, sorted by name, for a stale or made-up address', async () => {
    renderBoard('/review?show=everything&in=no-such%2F9&sort=waiting&column=no-such%2F9&order=sideways');

    expect(await stateOrder()).toEqual(['Denmark', 'Estonia', 'Finland', 'Iceland', 'Latvia', 'Sweden']);
    expect((screen.getByRole('combobox', { name: 'Show' }) as HTMLSelectElement).value).toBe('all');
    expect((screen.getByRole('combobox', { name: 'In' }) as HTMLSelectElement).value).toBe('');
  });

  it('shows an inactive member state with its replies, and a dash where it was not asked', async () => {
    const inactive = boardEntry({ memberState: 'NO', memberStateName: 'Norway', memberStateActive: false, status: 'accepted', revision: 3, progress: 1, lastActivity: { at: '2009-12-01T10:00:00Z', by: 'Carl Consultant' } });
    renderBoard('/review', { [boardPath('national-cooperation', 1)]: json(200, boardOf('national-cooperation', 1, [...BASELINE, inactive])) });

    const norway = await rowOf('Norway');
    expect(within(norway).getByRole('rowheader').textContent).toBe('NorwayInactive');
    const [followUp, baseline] = within(norway).getAllByRole('cell');
    expect(followUp!.textContent).toBe('—Not asked: the member state is inactive');
    expect(within(baseline!).getByText('Accepted')).toBeTruthy();
  });

  it('says the board is loading until every version’s replies arrive', async () => {
    const answer = deferredResponse();
    renderBoard('/review', { [boardPath('national-cooperation', 2)]: () => answer.promise });

    expect((await screen.findByRole('status')).textContent).toBe('Loading the review board…');
    answer.resolve(jsonResponse(200, boardOf('national-cooperation', 2, FOLLOW_UP)));

    expect(await table()).toBeTruthy();
  });

  it('shows one version’s failure in its place with the others’ board, and loads it again on request', async () => {
    let calls = 0;
    renderBoard('/review', {
      [boardPath('national-cooperation', 1)]: () => {
        calls += 1;
        return calls === 1 ? errorResponse(503, 'UNAVAILABLE', 'The server is busy.') : jsonResponse(200, boardOf('national-cooperation', 1, BASELINE));
      },
    });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'The replies to National cooperation survey, version 1 could not be loaded' })).toBeTruthy();
    expect(within(alert).getByText('The server is busy.')).toBeTruthy();
    expect(within(await table()).getAllByRole('columnheader')).toHaveLength(2);

    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));

    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('columnheader')).toHaveLength(3));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls).toBe(2);
  });

  it('says so when the questionnaires cannot be loaded', async () => {
    renderBoard('/review', { 'GET /api/surveys': () => errorResponse(503, 'UNAVAILABLE', 'The server is busy.') });

    expect(within(await screen.findByRole('alert')).getByRole('heading', { name: 'The questionnaires could not be loaded' })).toBeTruthy();
  });

  it('says so when nothing is published yet, and when there are no member states', async () => {
    renderBoard('/review', {}, []);
    expect(await screen.findByRole('heading', { name: 'No questionnaires yet' })).toBeTruthy();
  });

  it('says so when the versions list no member state', async () => {
    renderBoard('/review', { ...boardRoutes(SURVEYS, {}) });
    expect(await screen.findByRole('heading', { name: 'No member states yet' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
