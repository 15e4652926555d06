import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getPrefillQueryOptions } from '../../../../client/src/features/responses/api/get-prefill';
import { json, sent } from '../../helpers/fake-api';
import { errorResponse } from '../../helpers/fake-fetch';
import { delegateUser } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { REPLY_PATH, REPLY_URL, reply, stubReplyApi } from './response-fixtures';

afterEach(() => {
  localStorage.clear();
});

const PREFILL = `GET ${REPLY_PATH}/prefill`;
const NOT_STARTED = reply({ status: 'not_started', revision: 0, updatedAt: null, updatedBy: null });
const FAILED = 'Your previous answers could not be loaded.';
const OFFER = { name: 'Start from our previous answers (version 1)' };

describe('Previous answers on a new version’s reply', () => {
  it('says when they could not be loaded, and offers them once trying again works', async () => {
    let asked = 0;
    const { requests } = stubReplyApi(delegateUser, {
      response: NOT_STARTED,
      routes: {
        [PREFILL]: (request) => {
          asked += 1;
          if (asked === 1) return errorResponse(500, 'INTERNAL_ERROR', 'Something went wrong.');
          return json(200, { fromVersion: 1, fromRevision: 6, fromStatus: 'accepted', data: { action_plan: 'none' }, dropped: [] })(request);
        },
      },
    });
    renderApp(REPLY_URL);

    const notice = (await screen.findByText(FAILED)).parentElement!;
    expect(screen.queryByRole('button', OFFER)).toBeNull();

    await userEvent.click(within(notice).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('button', OFFER)).toBeTruthy();
    expect(screen.queryByText(FAILED)).toBeNull();
    expect(sent(requests, PREFILL)).toHaveLength(2);
  });

  it('says nothing when the state answered no earlier version', async () => {
    const { requests } = stubReplyApi(delegateUser, {
      response: NOT_STARTED,
      routes: {
        [PREFILL]: () => errorResponse(404, 'NO_EARLIER_RESPONSE', 'This member state has not answered an earlier version of the questionnaire.'),
      },
    });
    const { queryClient } = renderApp(REPLY_URL);

    await screen.findByRole('radio', { name: 'In force' });
    const { queryKey } = getPrefillQueryOptions({ surveyId: 'national-cooperation', version: 2, state: 'EE' });
    await waitFor(() => expect(queryClient.getQueryState(queryKey)?.status).toBe('success'));
    expect(sent(requests, PREFILL)).toHaveLength(1);
    expect(screen.queryByText(FAILED)).toBeNull();
    expect(screen.queryByRole('button', { name: /Start from our previous answers/ })).toBeNull();
  });
});
