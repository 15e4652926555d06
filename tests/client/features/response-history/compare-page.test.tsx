import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../client/src/features/response-history/api/get-comparison';
import { ComparePage } from '../../../../client/src/features/response-history/components/compare-page';
import { json, sent, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { errorResponse } from '../../helpers/fake-fetch';
import { surveysFixture } from '../../helpers/fixtures';
import { memberStatesFixture } from '../../helpers/people-fixtures';
import { renderRoutes } from '../../helpers/render';
import { R, revisionsFixture } from './history-fixtures';

const changed: Comparison = {
  from: { revision: 4, kind: 'return', status: 'returned', author: 'Carl Consultant', at: '2010-09-23T10:00:00Z' },
  to: { revision: 5, kind: 'save', status: 'returned', author: 'Dora Delegate', at: '2010-09-24T10:00:00Z' },
  changedCount: 2,
  questions: [
    {
      question: 'action_plan', title: 'Is a national action plan in force?', section: 'coordination', sectionTitle: 'C. Coordination', changed: true,
      old: { text: 'In preparation' }, new: { text: 'In force' },
      parts: [{ label: null, old: 'In preparation', new: 'In force', changed: true }],
    },
    {
      question: 'orgs', title: 'Partner organisations', section: 'support', sectionTitle: 'D. Support', changed: true,
      old: { text: 'Entry 1: Name: Living for Tomorrow' }, new: { text: 'Entry 1: Name: Living for Tomorrow; Entry 2: Name: Caritas' },
      parts: [
        { label: 'Entry 1: Name', old: 'Living for Tomorrow', new: 'Living for Tomorrow', changed: false },
        { label: 'Entry 2', old: null, new: 'Name: Caritas; Kind: NGO', changed: true, entry: 'added' },
      ],
    },
  ],
};
const unchanged = {
  question: 'funded', title: 'Is the plan funded?', section: 'support', sectionTitle: 'D. Support', changed: false,
  old: { text: 'Not funded' }, new: { text: 'Not funded' }, parts: [{ label: null, old: 'Not funded', new: 'Not funded', changed: false }],
};

function renderCompare(url = '/compare', overrides: Record<string, ApiHandler> = {}) {
  const requests = stubApi({
    'GET /api/surveys': json(200, surveysFixture),
    'GET /api/member-states': json(200, memberStatesFixture),
    [`GET ${R}/revisions`]: json(200, revisionsFixture),
    [`GET ${R}/compare`]: (request) => {
      const query = new URL(request.url, 'http://x').searchParams;
      if (query.get('all') === 'true') return json(200, { ...changed, questions: [...changed.questions, unchanged] })(request);
      return json(200, { ...changed, from: { ...changed.from!, revision: Number(query.get('from')) }, to: { ...changed.to, revision: Number(query.get('to')) } })(request);
    },
    ...overrides,
  });
  const result = renderRoutes([{ path: '/compare', element: <ComparePage surveyId="national-cooperation" version={2} state="EE" /> }], url);
  return { requests, ...result };
}

const compareQueries = (requests: ReturnType<typeof stubApi>) =>
  sent(requests, `GET ${R}/compare`).map((request) => Object.fromEntries(new URL(request.url, 'http://x').searchParams));

describe('Compare revisions page', () => {
  it('compares the latest revision with the one before by default, the changed questions side by side', async () => {
    const { requests } = renderCompare();

    expect(await screen.findByRole('heading', { level: 1, name: 'Compare revisions: 2010 follow-up · Estonia' })).toBeTruthy();
    expect(await screen.findByText(/^2 questions changed from revision 4 \(returned by Carl Consultant/)).toBeTruthy();
    expect(compareQueries(requests)).toEqual([{ from: '4', to: '5', all: 'false' }]);

    const plan = within(screen.getByRole('article', { name: 'Is a national action plan in force?' }));
    expect(plan.getByText('Changed')).toBeTruthy();
    expect(plan.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Revision 4', 'Revision 5']);
    expect(plan.getByRole('row', { name: /Answer \(changed\) In preparation In force/ })).toBeTruthy();

    const orgs = within(screen.getByRole('article', { name: 'Partner organisations' }));
    const rows = orgs.getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows).toEqual(['Entry 1: NameLiving for TomorrowLiving for Tomorrow', 'Entry 2 (added)—no answerName: Caritas; Kind: NGO']);
    expect(screen.getByRole('region', { name: 'D. Support' })).toBeTruthy();
  });

  it('offers "since it was returned" and "since it was last submitted" in one click', async () => {
    const { requests } = renderCompare();

    const quick = within(await screen.findByRole('group', { name: 'Quick comparisons' }));
    const sinceReturn = quick.getByRole('button', { name: 'Since it was returned (revision 4 → 5)' });
    expect(sinceReturn.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(quick.getByRole('button', { name: 'Since it was last submitted (revision 3 → 5)' }));

    expect(await screen.findByText(/^2 questions changed from revision 3/)).toBeTruthy();
    expect(compareQueries(requests).at(-1)).toEqual({ from: '3', to: '5', all: 'false' });
    expect(quick.getByRole('button', { name: /Since it was last submitted/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('compares any two revisions chosen, and shows unchanged questions when asked', async () => {
    const { requests } = renderCompare();

    await userEvent.selectOptions(await screen.findByLabelText('From'), 'Revision 0: before the first save');
    await userEvent.selectOptions(screen.getByLabelText('To'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(compareQueries(requests).at(-1)).toEqual({ from: '0', to: '2', all: 'false' });

    await userEvent.click(screen.getByRole('checkbox', { name: 'Show unchanged questions too' }));
    expect(await screen.findByRole('article', { name: 'Is the plan funded?' })).toBeTruthy();
    expect(compareQueries(requests).at(-1)).toEqual({ from: '0', to: '2', all: 'true' });
    expect(screen.getByText(/All 3 questions are shown\./)).toBeTruthy();
  });

  it('takes the revisions from the address, and refuses a range that runs backwards without asking the server', async () => {
    const { requests } = renderCompare('/compare?from=5&to=2');

    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/must come before the second one/);
    expect(compareQueries(requests)).toEqual([]);
  });

  it('says so when the comparison fails, and when a reply has no revisions', async () => {
    renderCompare('/compare', { [`GET ${R}/compare`]: () => errorResponse(404, 'REVISION_NOT_FOUND', 'The response has no revision 9.') });
    expect(within(await screen.findByRole('alert')).getByRole('heading', { name: 'The revisions could not be compared' })).toBeTruthy();
  });

  it('says so when nothing has been saved yet', async () => {
    renderCompare('/compare', { [`GET ${R}/revisions`]: json(200, []) });
    expect(await screen.findByRole('heading', { name: 'No revisions yet' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Quick comparisons' })).toBeNull();
  });
});
