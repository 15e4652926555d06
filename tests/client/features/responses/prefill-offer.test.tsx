import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getPrefillQueryOptions } from '../../../../client/src/features/responses/api/get-prefill';
import { bodyOf, json, sent } from '../../helpers/fake-api';
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

  describe('on a draft that has answers already', () => {
    const EARLIER = { fromVersion: 1, fromRevision: 6, fromStatus: 'accepted', data: { action_plan: 'in_preparation', coordinator: 'National Police' }, dropped: [] };
    const FILL = { name: 'Fill in from our previous answers (version 1)' };
    const isChecked = (name: string) => (screen.getByRole('radio', { name }) as HTMLInputElement).checked;
    const draft = () =>
      stubReplyApi(delegateUser, { response: reply({ status: 'draft', revision: 3, data: { action_plan: 'none' } }), routes: { [PREFILL]: json(200, EARLIER) } });

    it('is still offered, and lists in the questionnaire’s words the answer that differs', async () => {
      draft();
      renderApp(REPLY_URL);

      const offer = await screen.findByRole('region', { name: 'Previous answers' });
      expect(within(offer).getByRole('button', FILL)).toBeTruthy();
      expect(offer.textContent).toMatch(/1 question you have not answered yet can be filled in from it/);
      const differing = within(offer).getByRole('group', { name: 'One of your answers differs from version 1' });
      expect(differing.textContent).toMatch(/Is a national action plan in force\?/);
      expect(differing.textContent).toMatch(/Your answer: None/);
      expect(differing.textContent).toMatch(/In version 1: In preparation/);
      expect(differing.textContent).not.toMatch(/action_plan|in_preparation/);
    });

    it('fills only the empty questions, as one save, and keeps a differing answer unless it is chosen', async () => {
      const { requests } = draft();
      renderApp(REPLY_URL);

      await userEvent.click(await screen.findByRole('button', FILL));
      await waitFor(() => expect(sent(requests, `PATCH ${REPLY_PATH}`)).toHaveLength(1));
      expect(bodyOf(sent(requests, `PATCH ${REPLY_PATH}`)[0])).toEqual({ baseRevision: 3, set: { coordinator: 'National Police' } });
      expect(isChecked('None')).toBe(true);

      // The differing answer is still offered, and nothing more is taken until it is chosen.
      const offer = screen.getByRole('region', { name: 'Previous answers' });
      expect(offer.textContent).toMatch(/Every question it answered has an answer here too/);
      expect((within(offer).getByRole('button', FILL) as HTMLButtonElement).disabled).toBe(true);
      await userEvent.click(within(offer).getByRole('checkbox', { name: 'Take the answer from version 1 for “Is a national action plan in force?”' }));
      await userEvent.click(within(offer).getByRole('button', FILL));

      await waitFor(() => expect(sent(requests, `PATCH ${REPLY_PATH}`)).toHaveLength(2));
      expect(bodyOf(sent(requests, `PATCH ${REPLY_PATH}`)[1])).toEqual({ baseRevision: 4, set: { action_plan: 'in_preparation' } });
      await waitFor(() => expect(isChecked('In preparation')).toBe(true));
      // Nothing is left to take: no offer.
      expect(screen.queryByRole('region', { name: 'Previous answers' })).toBeNull();
    });

    it('is not offered once the reply is submitted', async () => {
      const { requests } = stubReplyApi(delegateUser, {
        response: reply({ status: 'submitted', revision: 5, data: { action_plan: 'none' }, submittedAt: '2025-03-02T10:00:00Z' }),
        routes: { [PREFILL]: json(200, EARLIER) },
      });
      renderApp(REPLY_URL);

      await screen.findByText(/^Submitted on /);
      expect(screen.queryByRole('region', { name: 'Previous answers' })).toBeNull();
      expect(sent(requests, PREFILL)).toHaveLength(0);
    });
  });
});
