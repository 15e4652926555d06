import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bodyOf, sent } from '../../helpers/fake-api';
import { errorResponse } from '../../helpers/fake-fetch';
import { analystUser, consultantUser, delegateUser } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { REPLY_URL, reply, stubReplyApi } from '../responses/response-fixtures';
import { comment, COMMENTS, commentServer } from './reply-fixtures';

const COORDINATOR = 'Who is the national coordinator?';
const THREADS = `Comments on “${COORDINATOR}”`;
const LIST_KEY = ['responses', 'national-cooperation', 2, 'list'];
const BOARD_KEY = ['responses', 'national-cooperation', 2, 'review-board'];

beforeEach(() => {
  vi.stubGlobal('CSS', { escape: (value: string) => value.replace(/[^\w-]/g, (character) => `\\${character}`) });
});

const question = comment();
const answer = comment({
  id: '10000000-0000-4000-8000-000000000002',
  body: 'It is the Ministry of the Interior.',
  author: 'Dora Delegate',
  at: '2025-03-05T08:00:00Z',
  replyTo: question.id,
});
const submitted = reply({ status: 'submitted', data: { action_plan: 'in_force', coordinator: 'Adviser, Criminal Policy Department, Ministry of the Interior' } });
const threads = () => screen.findByRole('region', { name: THREADS });

describe('Comment threads beside the questions', () => {
  it('marks a question with its number of comments and shows its thread below it, which the marker folds', async () => {
    stubReplyApi(consultantUser, { response: submitted, routes: commentServer([question, answer]).routes });
    renderApp(REPLY_URL);

    const region = await threads();
    // One thread (the outer item) of two comments.
    const [, first, second] = within(region).getAllByRole('listitem');
    expect(within(first!).getByText('Carl Consultant')).toBeTruthy();
    expect(within(first!).getByText(/^4 March 2025/, { selector: 'time' }).getAttribute('datetime')).toBe('2025-03-04T10:30:00Z');
    expect(within(first!).getByText('Name the coordinating ministry, not the person.')).toBeTruthy();
    expect(within(second!).getByText('Dora Delegate')).toBeTruthy();
    expect(within(second!).getByText('It is the Ministry of the Interior.')).toBeTruthy();

    const marker = screen.getByRole('button', { name: '2 comments' });
    expect(marker.getAttribute('aria-expanded')).toBe('true');
    expect(marker.getAttribute('aria-controls')).toBe(region.id);
    // The marker is a title action of the question it counts for.
    expect(marker.closest('[data-name]')?.getAttribute('data-name')).toBe('coordinator');

    await userEvent.click(marker);
    expect(screen.queryByRole('region', { name: THREADS })).toBeNull();
    expect(marker.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(marker);
    expect(await threads()).toBeTruthy();
  });

  it('lets the consultant comment on a question: the marker and the open count follow, the home list and the board are refreshed', async () => {
    const server = commentServer([]);
    const { requests } = stubReplyApi(consultantUser, { response: submitted, routes: server.routes });
    const { queryClient } = renderApp(REPLY_URL);
    queryClient.setQueryData(LIST_KEY, []);
    queryClient.setQueryData(BOARD_KEY, {});

    await userEvent.click(await screen.findByRole('button', { name: `Comment on “${COORDINATOR}”` }));
    const box = screen.getByRole('textbox', { name: 'Your comment' });
    expect(document.activeElement).toBe(box);
    await userEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    expect(screen.getByText('Write something first.')).toBeTruthy();
    expect(sent(requests, `POST ${COMMENTS}`)).toHaveLength(0);

    await userEvent.type(box, '  Which ministry?  ');
    await userEvent.click(screen.getByRole('button', { name: 'Add comment' }));

    const region = await threads();
    expect(within(region).getByText('Which ministry?')).toBeTruthy();
    expect(bodyOf(sent(requests, `POST ${COMMENTS}`)[0])).toEqual({ question: 'coordinator', body: 'Which ministry?' });
    expect(screen.getByRole('button', { name: '1 comment' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '1 open comment' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Your comment' })).toBeNull();
    expect(queryClient.getQueryState(LIST_KEY)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(BOARD_KEY)?.isInvalidated).toBe(true);
  });

  it('keeps what was written and says why when the comment is refused', async () => {
    stubReplyApi(consultantUser, {
      response: submitted,
      routes: {
        ...commentServer([]).routes,
        [`POST ${COMMENTS}`]: () => errorResponse(422, 'INVALID_COMMENT', 'A comment is at most 5000 characters.'),
      },
    });
    renderApp(REPLY_URL);

    await userEvent.click(await screen.findByRole('button', { name: `Comment on “${COORDINATOR}”` }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Your comment' }), 'Too long');
    await userEvent.click(screen.getByRole('button', { name: 'Add comment' }));

    expect((await screen.findByRole('alert')).textContent).toBe('A comment is at most 5000 characters.');
    expect((screen.getByRole('textbox', { name: 'Your comment' }) as HTMLTextAreaElement).value).toBe('Too long');
  });

  it('answers a thread, resolves every open comment in it and re-opens it', async () => {
    const server = commentServer([question, answer]);
    const { requests } = stubReplyApi(consultantUser, { response: submitted, routes: server.routes });
    renderApp(REPLY_URL);

    const region = await threads();
    await userEvent.click(within(region).getByRole('button', { name: /^Reply to the thread started by Carl Consultant/ }));
    await userEvent.type(within(region).getByRole('textbox', { name: 'Your reply' }), 'Thank you.');
    await userEvent.click(within(region).getByRole('button', { name: 'Send reply' }));
    expect(await within(region).findByText('Thank you.')).toBeTruthy();
    expect(bodyOf(sent(requests, `POST ${COMMENTS}`)[0])).toEqual({ body: 'Thank you.', replyTo: question.id });
    expect(screen.getByRole('button', { name: '3 comments' })).toBeTruthy();

    await userEvent.click(within(region).getByRole('button', { name: /^Resolve the thread/ }));
    expect(await within(region).findByText(/^Resolved by Carl Consultant/)).toBeTruthy();
    const patches = requests.filter((request) => request.method === 'PATCH');
    expect(patches.map((request) => [request.url.split('/').pop(), bodyOf(request)])).toEqual([
      [question.id, { resolved: true }],
      [answer.id, { resolved: true }],
      ['10000000-0000-4000-8000-000000000100', { resolved: true }],
    ]);
    expect(screen.getByRole('button', { name: '3 comments, resolved' })).toBeTruthy();
    expect(screen.getByText('No comment is open.')).toBeTruthy();

    await userEvent.click(within(region).getByRole('button', { name: /^Re-open the thread/ }));
    expect(await screen.findByRole('button', { name: '3 comments, 1 open' })).toBeTruthy();
    expect(bodyOf(requests.filter((request) => request.method === 'PATCH').at(-1))).toEqual({ resolved: false });
    expect(requests.filter((request) => request.method === 'PATCH').at(-1)?.url).toContain(question.id);
  });

  it('shows the delegate the comments beside the questions they are editing, to answer there', async () => {
    const server = commentServer([question], 'Dora Delegate');
    const { requests } = stubReplyApi(delegateUser, { response: reply({ status: 'returned' }), routes: server.routes });
    renderApp(REPLY_URL);

    // The questionnaire stays paged for editing; the list of open comments leads to the question's page.
    const list = await screen.findByRole('region', { name: '1 open comment' });
    expect(screen.queryByRole('region', { name: THREADS })).toBeNull();
    await userEvent.click(within(list).getByRole('button', { name: COORDINATOR }));

    const sections = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(sections).getByRole('button', { name: 'People' }).getAttribute('aria-current')).toBe('step');
    const region = await threads();
    await waitFor(() => expect(document.activeElement).toBe(within(region).getByRole('heading', { name: THREADS })));
    expect(screen.getByRole('textbox', { name: /^Who is the national coordinator\?/ })).toHaveProperty('disabled', false);

    await userEvent.click(within(region).getByRole('button', { name: /^Reply/ }));
    await userEvent.type(within(region).getByRole('textbox', { name: 'Your reply' }), 'The ministry, then.');
    await userEvent.click(within(region).getByRole('button', { name: 'Send reply' }));
    expect(await within(region).findByText('The ministry, then.')).toBeTruthy();
    expect(within(region).getByText('Dora Delegate')).toBeTruthy();
    expect(bodyOf(sent(requests, `POST ${COMMENTS}`)[0])).toEqual({ body: 'The ministry, then.', replyTo: question.id });
    // The reply came back to them: they may start a thread too, on a question or the whole reply.
    expect(screen.getByRole('button', { name: `Comment on “${COORDINATOR}”` })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Comment on the whole reply' })).toBeTruthy();
  });

  it('offers a delegate filling in a draft no "Comment": nobody has asked anything yet', async () => {
    const { requests } = stubReplyApi(delegateUser, { routes: commentServer([]).routes });
    renderApp(REPLY_URL);

    await screen.findByRole('radio', { name: 'In force' });
    await waitFor(() => expect(sent(requests, `GET ${COMMENTS}`)).toHaveLength(1));
    expect(screen.queryByRole('button', { name: /^Comment/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Review comments' })).toBeNull();
  });

  it('lets the consultant comment on the whole reply, and shows such threads in the list', async () => {
    const { requests } = stubReplyApi(consultantUser, { response: submitted, routes: commentServer([]).routes });
    renderApp(REPLY_URL);

    // Before the first comment, only the way to write one.
    await userEvent.click(await screen.findByRole('button', { name: 'Comment on the whole reply' }));
    expect(screen.queryByRole('region', { name: 'Review comments' })).toBeNull();
    await userEvent.type(screen.getByRole('textbox', { name: 'Your comment on the whole reply' }), 'Thank you for an early reply.');
    await userEvent.click(screen.getByRole('button', { name: 'Add comment' }));

    const open = await screen.findByRole('region', { name: '1 open comment' });
    expect(within(open).getByText('On the whole reply')).toBeTruthy();
    expect(within(open).getByText('Thank you for an early reply.')).toBeTruthy();
    expect(within(open).getByRole('button', { name: /^Resolve the thread started by Carl Consultant/ })).toBeTruthy();
    expect(bodyOf(sent(requests, `POST ${COMMENTS}`)[0])).toEqual({ body: 'Thank you for an early reply.' });
  });

  it('shows an analyst the threads, with nothing to write, resolve or re-open', async () => {
    stubReplyApi(analystUser, { response: submitted, routes: commentServer([question, answer]).routes });
    renderApp(REPLY_URL);

    const region = await threads();
    expect(within(region).getByText('It is the Ministry of the Interior.')).toBeTruthy();
    expect(screen.getByRole('button', { name: '2 comments' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Comment/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Reply/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Resolve/ })).toBeNull();
  });
});
