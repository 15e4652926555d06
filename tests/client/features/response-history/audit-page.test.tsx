import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditLine } from '../../../../client/src/features/response-history/api/get-audit';
import { AuditPage } from '../../../../client/src/features/response-history/components/audit-page';
import { json, sent, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { errorResponse } from '../../helpers/fake-fetch';
import { surveysFixture } from '../../helpers/fixtures';
import { memberStatesFixture } from '../../helpers/people-fixtures';
import { renderRoutes } from '../../helpers/render';
import { R } from './history-fixtures';

const lines: AuditLine[] = [
  { revision: 5, at: '2010-09-24T10:00:00Z', author: 'Dora Delegate', kind: 'save', status: 'returned', question: 'orgs', questionTitle: 'Partner organisations', part: 'Entry 1: Name', old: 'Living for Tomorrow', new: 'Living for Tomorrow NGO' },
  { revision: 5, at: '2010-09-24T10:00:00Z', author: 'Dora Delegate', kind: 'save', status: 'returned', question: 'coordinator', questionTitle: 'Who is the national coordinator?', part: null, old: 'Ministry of the Interior', new: null },
  { revision: 4, at: '2010-09-23T10:00:00Z', author: 'Carl Consultant', kind: 'return', status: 'returned', question: null, questionTitle: null, part: null, old: 'submitted', new: 'returned' },
];

function renderAudit(handler: ApiHandler = json(200, { pageSize: 20, totalRevisions: 5, newestRevision: 5, nextBefore: null, items: lines })) {
  const requests = stubApi({
    'GET /api/surveys': json(200, surveysFixture),
    'GET /api/member-states': json(200, memberStatesFixture),
    [`GET ${R}/audit`]: handler,
  });
  renderRoutes([{ path: '/audit', element: <AuditPage surveyId="national-cooperation" version={2} state="EE" /> }], '/audit');
  return requests;
}

describe('Audit page', () => {
  it('lists every change newest first: revision, when, who, the question and part, before and after', async () => {
    renderAudit();

    expect(await screen.findByRole('heading', { level: 1, name: 'Audit: 2010 follow-up · Estonia' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Changes of the reply, newest first' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['5Saved', expect.stringMatching(/^24 September 2010/), 'Dora Delegate', 'Partner organisationsEntry 1: Nameorgs', 'Living for Tomorrow', 'Living for Tomorrow NGO'],
      ['5Saved', expect.stringMatching(/^24 September 2010/), 'Dora Delegate', 'Who is the national coordinator?coordinator', 'Ministry of the Interior', '—no answer'],
      ['4Returned', expect.stringMatching(/^23 September 2010/), 'Carl Consultant', 'Status', 'Submitted', 'Returned'],
    ]);
    expect(screen.getByText('Revisions 5–1 of 5: 3 changes.')).toBeTruthy();
  });

  it('offers the CSV download', async () => {
    renderAudit();

    const link = await screen.findByRole('link', { name: 'Download the audit (CSV)' });
    expect(link.getAttribute('href')).toBe(`${R}/audit.csv`);
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('pages to older changes by revision, and back to the newest', async () => {
    const requests = renderAudit((request) => {
      const before = new URL(request.url, 'http://x').searchParams.get('before');
      const page = before === null ? { nextBefore: 101 } : { nextBefore: 81 };
      return json(200, { pageSize: 20, totalRevisions: 120, newestRevision: 120, items: lines, ...page })(request);
    });

    expect(await screen.findByText('Revisions 120–101 of 120: 3 changes.')).toBeTruthy();
    const pager = screen.getByRole('navigation', { name: 'Audit pages' });
    expect(within(pager).getByRole('button', { name: 'Newest' })).toHaveProperty('disabled', true);
    await userEvent.click(within(pager).getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('Revisions 100–81 of 120: 3 changes.')).toBeTruthy();
    await userEvent.click(within(screen.getByRole('navigation', { name: 'Audit pages' })).getByRole('button', { name: 'Newest' }));
    expect(await screen.findByText('Revisions 120–101 of 120: 3 changes.')).toBeTruthy();
    const asked = sent(requests, `GET ${R}/audit`).map((request) => new URL(request.url, 'http://x').searchParams);
    expect(asked.map((query) => query.get('before')).slice(0, 2)).toEqual([null, '101']);
    expect(asked.every((query) => query.get('pageSize') === '20')).toBe(true);
  });

  it('says so when the audit cannot be loaded, or the reply is not the reader’s', async () => {
    renderAudit(() => errorResponse(404, 'RESPONSE_NOT_FOUND', 'There is no such response.'));
    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeTruthy();
  });
});
