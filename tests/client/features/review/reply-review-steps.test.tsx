import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResponseStatus, User } from '../../../../client/src/types/api';
import { bodyOf, sent } from '../../helpers/fake-api';
import { errorResponse, jsonResponse } from '../../helpers/fake-fetch';
import { adminUser, analystUser, consultantUser, delegateUser } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { REPLY_PATH, REPLY_URL, reply, stubReplyApi, type ReplyServer } from '../responses/response-fixtures';
import { comment, commentServer } from './reply-fixtures';

const BOARD_KEY = ['responses', 'national-cooperation', 2, 'review-board'];
const LIST_KEY = ['responses', 'national-cooperation', 2, 'list'];

beforeEach(() => {
  vi.stubGlobal('CSS', { escape: (value: string) => value.replace(/[^\w-]/g, (character) => `\\${character}`) });
});

/** The review routes as the server has them: each step from its status only, then the new status. */
function stepRoutes({ reply: held }: ReplyServer) {
  const step = (from: ResponseStatus, to: ResponseStatus) => () => {
    if (held.status !== from) return errorResponse(409, 'INVALID_TRANSITION', 'A response cannot be changed so from its current status.');
    held.status = to;
    held.revision += 1;
    return jsonResponse(200, { revision: held.revision, status: to });
  };
  return {
    ...commentServer([comment()]).routes,
    [`POST ${REPLY_PATH}/return`]: step('submitted', 'returned'),
    [`POST ${REPLY_PATH}/accept`]: step('submitted', 'accepted'),
    [`POST ${REPLY_PATH}/reopen`]: step('accepted', 'returned'),
  };
}

async function openAs(user: User, status: ResponseStatus) {
  const api = stubReplyApi(user, { response: reply({ status }), routes: stepRoutes });
  const rendered = renderApp(REPLY_URL);
  await screen.findByRole('radio', { name: 'In force' });
  await screen.findByRole('region', { name: /open comment/ });
  return { ...api, ...rendered };
}

const buttons = () => ['Return to the delegates', 'Accept the reply', 'Reopen'].filter((name) => screen.queryByRole('button', { name }));

describe('Returning, accepting and reopening a reply', () => {
  it('returns a submitted reply with a message, listing the open comments that go with it', async () => {
    const { requests, queryClient } = await openAs(consultantUser, 'submitted');
    queryClient.setQueryData(BOARD_KEY, {});
    queryClient.setQueryData(LIST_KEY, []);
    expect(buttons()).toEqual(['Return to the delegates', 'Accept the reply']);

    await userEvent.click(screen.getByRole('button', { name: 'Return to the delegates' }));
    const dialog = screen.getByRole('dialog', { name: 'Return the reply to the delegates' });
    const message = within(dialog).getByRole('textbox', { name: 'Message to the delegates' });
    expect(document.activeElement).toBe(message);
    expect(within(dialog).getByText('This open comment goes with it:')).toBeTruthy();
    expect(within(dialog).getByRole('listitem').textContent).toBe('On “Who is the national coordinator?”: Name the coordinating ministry, not the person.');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Return the reply' }));
    expect(within(dialog).getByText('Write what the delegates should change before they submit again.')).toBeTruthy();
    expect(sent(requests, `POST ${REPLY_PATH}/return`)).toHaveLength(0);

    await userEvent.type(message, 'Please check the coordinator.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Return the reply' }));

    const done = await screen.findByText('The reply was returned to the delegates.');
    expect(done.getAttribute('role')).toBe('status');
    // The buttons went with the old status: the focus is on what happened.
    expect(document.activeElement).toBe(done);
    expect(bodyOf(sent(requests, `POST ${REPLY_PATH}/return`)[0])).toEqual({ message: 'Please check the coordinator.' });
    expect(screen.getByText('Returned', { exact: true })).toBeTruthy();
    expect(buttons()).toEqual([]);
    expect(queryClient.getQueryState(BOARD_KEY)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(LIST_KEY)?.isInvalidated).toBe(true);
  });

  it('shows the server’s refusal inside the dialog and keeps it open', async () => {
    const { reply: held } = await openAs(consultantUser, 'submitted');
    // Someone else accepted it meanwhile.
    held.status = 'accepted';

    await userEvent.click(screen.getByRole('button', { name: 'Return to the delegates' }));
    const dialog = screen.getByRole('dialog', { name: 'Return the reply to the delegates' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Message to the delegates' }), 'Too late.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Return the reply' }));

    expect((await within(dialog).findByRole('alert')).textContent).toBe('A response cannot be changed so from its current status.');
    expect(screen.getByRole('dialog', { name: 'Return the reply to the delegates' })).toBe(dialog);

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Return to the delegates' }));
  });

  it('accepts a submitted reply after a confirmation; the consultant may then reopen it', async () => {
    const { requests } = await openAs(consultantUser, 'submitted');

    await userEvent.click(screen.getByRole('button', { name: 'Accept the reply' }));
    expect(screen.getByText('Accept the reply? It becomes final and locked; a consultant or an administrator can reopen it.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Accept' }));

    expect(await screen.findByText('The reply was accepted. It is now final and locked.')).toBeTruthy();
    expect(sent(requests, `POST ${REPLY_PATH}/accept`)).toHaveLength(1);
    expect(buttons()).toEqual(['Reopen']);
  });

  it('lets an administrator reopen an accepted reply, with a reason', async () => {
    const { requests } = await openAs(adminUser, 'accepted');
    expect(buttons()).toEqual(['Reopen']);

    await userEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    const dialog = screen.getByRole('dialog', { name: 'Reopen the accepted reply' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reopen the reply' }));
    expect(within(dialog).getByText('Say why the reply is reopened: the delegates will read it.')).toBeTruthy();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Reason for reopening' }), 'The 2008 figures were corrected.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reopen the reply' }));

    expect(await screen.findByText('The reply was reopened: its delegates can change it again.')).toBeTruthy();
    expect(bodyOf(sent(requests, `POST ${REPLY_PATH}/reopen`)[0])).toEqual({ reason: 'The 2008 figures were corrected.' });
    expect(buttons()).toEqual([]);
  });

  it.each<[string, User, ResponseStatus, string[]]>([
    ['a consultant, a submitted reply', consultantUser, 'submitted', ['Return to the delegates', 'Accept the reply']],
    ['a consultant, an accepted reply', consultantUser, 'accepted', ['Reopen']],
    ['a consultant, a returned reply', consultantUser, 'returned', []],
    ['a consultant, a draft', consultantUser, 'draft', []],
    ['an administrator, a submitted reply', adminUser, 'submitted', []],
    ['an administrator, an accepted reply', adminUser, 'accepted', ['Reopen']],
    ['an analyst, a submitted reply', analystUser, 'submitted', []],
    ['an analyst, an accepted reply', analystUser, 'accepted', []],
    ['a delegate, their submitted reply', delegateUser, 'submitted', []],
    ['a delegate, their accepted reply', delegateUser, 'accepted', []],
  ])('offers %s only the steps they may take', async (_, user, status, expected) => {
    await openAs(user, status);
    expect(buttons()).toEqual(expected);
  });
});
