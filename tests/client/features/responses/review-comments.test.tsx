import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewComment } from '../../../../client/src/features/responses/api/get-comments';
import { bodyOf, json, sent } from '../../helpers/fake-api';
import { deferredResponse, errorResponse, jsonResponse } from '../../helpers/fake-fetch';
import { analystUser, delegateUser } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { REPLY_PATH, REPLY_URL, reply, stubReplyApi } from './response-fixtures';

const COMMENTS = `GET ${REPLY_PATH}/comments`;
const LIST = 'GET /api/surveys/national-cooperation/versions/2/responses';

beforeEach(() => {
  // jsdom has no CSS.escape, which SurveyJS uses to find a question it is asked to focus.
  vi.stubGlobal('CSS', { escape: (value: string) => value.replace(/[^\w-]/g, (character) => `\\${character}`) });
});

function comment(overrides: Partial<ReviewComment> = {}): ReviewComment {
  return {
    id: '10000000-0000-4000-8000-000000000001',
    question: null,
    body: 'Please complete the section on referral.',
    author: 'Carl Consultant',
    at: '2025-03-04T10:30:00Z',
    resolvedAt: null,
    replyTo: null,
    resolvedBy: null,
    ...overrides,
  };
}

const onCoordinator = comment({
  id: '10000000-0000-4000-8000-000000000002',
  question: 'coordinator',
  body: 'Name the coordinating ministry,\nnot the person.',
  at: '2025-03-05T08:00:00Z',
});
const resolved = comment({ id: '10000000-0000-4000-8000-000000000003', body: 'Already settled.', resolvedAt: '2025-03-06T08:00:00Z' });

const returned = reply({ status: 'returned' });
// The first test also waits for SurveyJS's code to load.
const openComments = () => screen.findByRole('region', { name: /open comments?$/ }, { timeout: 5000 });

describe('Review comments on the reply page', () => {
  it('lists the open comments of a returned reply under its banner, each leading to its question', async () => {
    stubReplyApi(delegateUser, { response: returned, routes: { [COMMENTS]: json(200, [comment(), onCoordinator, resolved]) } });
    renderApp(REPLY_URL);

    const region = await openComments();
    expect(within(region).getByRole('heading', { name: '2 open comments' })).toBeTruthy();
    const banner = screen.getByText(/^Returned for changes/);
    expect(banner.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // A thread on the whole reply is shown in full; one on a question as its first comment.
    const threads = within(region).getAllByRole('listitem').filter((item) => item.parentElement?.classList.contains('review-comments__list'));
    const [whole, onQuestion] = threads;
    expect(within(whole!).getByText('Carl Consultant')).toBeTruthy();
    expect(within(whole!).getByText(/^4 March 2025/, { selector: 'time' }).getAttribute('datetime')).toBe('2025-03-04T10:30:00Z');
    expect(within(whole!).getByText('On the whole reply')).toBeTruthy();
    expect(within(whole!).getByText('Please complete the section on referral.')).toBeTruthy();
    expect(within(onQuestion!).getByText(/^Name the coordinating ministry,\s+not the person\.$/)).toBeTruthy();
    // The resolved one waits, folded, under its own heading.
    expect(within(region).getByText('Already settled.').closest('details')?.open).toBe(false);
    expect(within(region).getByText('1 resolved thread on the whole reply')).toBeTruthy();

    await userEvent.click(within(onQuestion!).getByRole('button', { name: 'Who is the national coordinator?' }));

    // The question's page opens, and the focus lands on its comments, just below it.
    const sections = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(sections).getByRole('button', { name: 'People' }).getAttribute('aria-current')).toBe('step');
    const beside = await screen.findByRole('region', { name: 'Comments on “Who is the national coordinator?”' });
    await waitFor(() => expect(document.activeElement).toBe(within(beside).getByRole('heading')));
    expect(within(beside).getByText(/^Name the coordinating ministry,\s+not the person\.$/)).toBeTruthy();
  });

  it('says that no comment is open when every one is resolved, and shows an analyst nothing then', async () => {
    const { requests } = stubReplyApi(delegateUser, { response: returned, routes: { [COMMENTS]: json(200, [onCoordinator]) } });
    const delegate = renderApp(REPLY_URL);
    expect(await screen.findByRole('region', { name: '1 open comment' })).toBeTruthy();
    delegate.unmount();

    stubReplyApi(delegateUser, { response: returned, routes: { [COMMENTS]: json(200, [{ ...onCoordinator, resolvedAt: '2025-03-06T08:00:00Z' }]) } });
    const settled = renderApp(REPLY_URL);
    const region = await screen.findByRole('region', { name: 'Review comments' });
    expect(within(region).getByText('No comment is open.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /open comment/ })).toBeNull();
    settled.unmount();

    const analyst = stubReplyApi(analystUser, { response: returned, routes: { [COMMENTS]: json(200, [{ ...onCoordinator, resolvedAt: '2025-03-06T08:00:00Z' }]) } });
    renderApp(REPLY_URL);
    await screen.findByRole('radio', { name: 'In force' });
    await waitFor(() => expect(sent(analyst.requests, COMMENTS)).toHaveLength(1));
    expect(screen.queryByRole('region', { name: 'Review comments' })).toBeNull();
    expect(screen.queryByText(/comments could not be loaded/)).toBeNull();
    expect(sent(requests, COMMENTS)).toHaveLength(1);
  });

  it('says so when the comments cannot be loaded, without hiding the reply, and loads them again on request', async () => {
    let calls = 0;
    stubReplyApi(delegateUser, {
      response: returned,
      routes: {
        [COMMENTS]: () => {
          calls += 1;
          return calls === 1 ? errorResponse(503, 'UNAVAILABLE', 'The server is busy.') : jsonResponse(200, [comment()]);
        },
      },
    });
    renderApp(REPLY_URL);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^The review comments could not be loaded\. The server is busy\./);
    expect(screen.getByRole('radio', { name: 'In force' })).toBeTruthy();

    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await openComments()).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls).toBe(2);
  });

  it('lets a delegate resolve the thread on the whole reply from the list: it leaves the list, and the home list is refreshed', async () => {
    let comments = [comment(), onCoordinator];
    const patch = deferredResponse();
    const { requests } = stubReplyApi(delegateUser, {
      response: returned,
      routes: {
        [COMMENTS]: () => jsonResponse(200, comments),
        [`PATCH ${REPLY_PATH}/comments/${comment().id}`]: () => patch.promise,
      },
    });
    const { queryClient } = renderApp(REPLY_URL);
    queryClient.setQueryData(['responses', 'national-cooperation', 2, 'list'], []);

    const region = await openComments();
    const button = within(region).getByRole('button', { name: /^Resolve the thread started by Carl Consultant on 4 March 2025/ });
    await userEvent.click(button);

    expect(button.textContent).toMatch(/^Resolving…/);
    expect((button as HTMLButtonElement).disabled).toBe(true);
    const [resolve] = sent(requests, `PATCH ${REPLY_PATH}/comments/${comment().id}`);
    expect(bodyOf(resolve)).toEqual({ resolved: true });
    expect(resolve?.headers.get('x-csrf-token')).toBeTruthy();

    comments = [{ ...comment(), resolvedAt: '2025-03-07T09:00:00Z', resolvedBy: 'Dora Delegate' }, onCoordinator];
    patch.resolve(jsonResponse(200, comments[0]));

    expect(await within(region).findByRole('heading', { name: '1 open comment' })).toBeTruthy();
    expect(within(region).getByText('1 resolved thread on the whole reply')).toBeTruthy();
    expect(queryClient.getQueryState(['responses', 'national-cooperation', 2, 'list'])?.isInvalidated).toBe(true);
    expect(sent(requests, LIST)).toHaveLength(0);
  });

  it('keeps the thread and says why when resolving it fails', async () => {
    stubReplyApi(delegateUser, {
      response: returned,
      routes: {
        [COMMENTS]: json(200, [comment()]),
        [`PATCH ${REPLY_PATH}/comments/${comment().id}`]: () =>
          errorResponse(404, 'COMMENT_NOT_FOUND', 'There is no such comment on this response.'),
      },
    });
    renderApp(REPLY_URL);

    const region = await openComments();
    await userEvent.click(within(region).getByRole('button', { name: /^Resolve/ }));

    expect((await within(region).findByRole('alert')).textContent).toBe('There is no such comment on this response.');
    expect(within(region).getByText('Please complete the section on referral.')).toBeTruthy();
  });
});
