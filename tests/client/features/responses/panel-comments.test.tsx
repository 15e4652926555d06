import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewComment } from '../../../../client/src/features/responses/api/get-comments';
import type { SurveyVersion } from '../../../../client/src/types/api';
import { bodyOf, json, sent } from '../../helpers/fake-api';
import { jsonResponse } from '../../helpers/fake-fetch';
import { consultantUser, delegateUser } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { REPLY_PATH, REPLY_URL, reply, stubReplyApi } from './response-fixtures';

/**
 * Comment markers and threads on the questions inside a dynamic panel's entries (issue 11), as
 * survey-react-ui renders them: each entry's question has its own, addressed
 * `<panel>.<entry>.<field>` as the server stores them.
 */
const COMMENTS = `GET ${REPLY_PATH}/comments`;

const panelVersion: SurveyVersion = {
  surveyId: 'national-cooperation',
  version: 2,
  title: '2010 follow-up',
  status: 'open',
  definition: {
    pages: [
      {
        name: 'actors',
        title: 'Actors',
        elements: [
          {
            type: 'paneldynamic',
            name: 'organisations',
            title: 'Organisations',
            templateTitle: 'Organisation {panelIndex}',
            templateElements: [{ type: 'text', name: 'org_name', title: 'Name of the organisation' }],
          },
        ],
      },
    ],
  },
};

const onSecondEntry: ReviewComment = {
  id: '10000000-0000-4000-8000-000000000009',
  question: 'organisations.2.org_name',
  body: 'The full name of the NGO, please.',
  author: 'Carl Consultant',
  at: '2025-03-05T08:00:00Z',
  resolvedAt: null,
  replyTo: null,
  resolvedBy: null,
};

const TITLE = 'Organisations — entry 2: Name of the organisation';
const data = { organisations: [{ org_name: 'Police' }, { org_name: 'Shelter NGO' }] };

beforeEach(() => {
  vi.stubGlobal('CSS', { escape: (value: string) => value.replace(/[^\w-]/g, (character) => `\\${character}`) });
});

describe('review comments inside a dynamic panel', () => {
  it('shows the delegate the marker and the thread on the entry the comment is about, and nowhere else', async () => {
    stubReplyApi(delegateUser, { version: panelVersion, response: reply({ status: 'returned', data }), routes: { [COMMENTS]: json(200, [onSecondEntry]) } });
    renderApp(REPLY_URL);

    const thread = await screen.findByRole('region', { name: `Comments on “${TITLE}”` }, { timeout: 5000 });
    expect(within(thread).getByText('The full name of the NGO, please.')).toBeTruthy();
    // One marker: on the second entry's question, not the first's.
    const markers = screen.getAllByRole('button', { name: '1 comment' });
    expect(markers).toHaveLength(1);
    const entries = screen.getAllByRole('textbox', { name: /^Name of the organisation/ });
    expect(entries).toHaveLength(2);
    expect(markers[0]!.compareDocumentPosition(entries[0]!) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(markers[0]!.compareDocumentPosition(entries[1]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(thread.compareDocumentPosition(entries[1]!) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();

    // The list of open comments names the entry and leads to it.
    const open = screen.getByRole('region', { name: '1 open comment' });
    await userEvent.click(within(open).getByRole('button', { name: TITLE }));
    await waitFor(() => expect(document.activeElement).toBe(within(thread).getByRole('heading')));
    // The first test also waits for SurveyJS's code to load.
  }, 15_000);

  it('lets the consultant comment on one entry’s question, sent with the entry’s address', async () => {
    const { requests } = stubReplyApi(consultantUser, {
      version: panelVersion,
      response: reply({ status: 'submitted', data, submittedAt: '2025-03-03T10:00:00Z' }),
      routes: { [`POST ${REPLY_PATH}/comments`]: () => jsonResponse(201, { ...onSecondEntry, question: 'organisations.1.org_name', body: 'Which police?' }) },
    });
    renderApp(REPLY_URL);

    await userEvent.click(await screen.findByRole('button', { name: 'Comment on “Organisations — entry 1: Name of the organisation”' }, { timeout: 5000 }));
    await userEvent.type(screen.getByLabelText('Your comment'), 'Which police?');
    await userEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    await waitFor(() => expect(sent(requests, `POST ${REPLY_PATH}/comments`)).toHaveLength(1));
    expect(bodyOf(sent(requests, `POST ${REPLY_PATH}/comments`)[0]!)).toEqual({ question: 'organisations.1.org_name', body: 'Which police?' });
  });
});
