import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bodyOf, json, sent } from '../../helpers/fake-api';
import { deferredResponse, errorResponse, jsonResponse } from '../../helpers/fake-fetch';
import { consultantUser, delegateUser, signedInAs } from '../../helpers/people-fixtures';
import { renderApp } from '../../helpers/render';
import { editConflict, REPLY_PATH, REPLY_URL, reply, stubReplyApi, twoPageVersion } from './response-fixtures';

beforeEach(() => {
  // Real time keeps passing (so Testing Library's waiting works); tests skip ahead over the debounce.
  vi.useFakeTimers({ shouldAdvanceTime: true });
  // jsdom has no CSS.escape, which SurveyJS uses to find a question it is asked to focus.
  vi.stubGlobal('CSS', { escape: (value: string) => value.replace(/[^\w-]/g, (character) => `\\${character}`) });
});

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

const user = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
const skip = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
/** SurveyJS marks the inputs of a read-only questionnaire read-only (choices) or disabled. */
const isLocked = (input: HTMLElement) => (input as HTMLInputElement).disabled || (input as HTMLInputElement).readOnly;
const isChecked = (name: string) => (screen.getByRole('radio', { name }) as HTMLInputElement).checked;
const saveState = () => screen.getByRole('group', { name: 'Save state' });
const PATCH = `PATCH ${REPLY_PATH}`;
const SUBMIT = `POST ${REPLY_PATH}/submit`;
const unreachable = () => Promise.reject(new TypeError('Failed to fetch'));

describe('Reply page', () => {
  it('asks for the reply as the navigation begins, beside the account check, and only once', async () => {
    const me = deferredResponse();
    const { requests } = stubReplyApi(delegateUser, { routes: { 'GET /api/auth/me': () => me.promise } });
    renderApp(REPLY_URL);

    // Before anyone knows who is signed in: the router's loaders started both.
    await waitFor(() => expect(sent(requests, `GET ${REPLY_PATH}`)).toHaveLength(1));
    expect(sent(requests, 'GET /api/auth/me')).toHaveLength(1);

    me.resolve(jsonResponse(200, signedInAs(delegateUser)));
    expect(await screen.findByRole('radio', { name: 'In force' })).toBeTruthy();
    // The page starts from the answers fetched for this navigation: not asked again.
    expect(sent(requests, `GET ${REPLY_PATH}`)).toHaveLength(1);
  });

  it('asks again for a reply cached before this navigation, and starts from the newer answers', async () => {
    const { requests, reply: served } = stubReplyApi(delegateUser, { response: reply({ data: { action_plan: 'in_force' } }) });
    const { router } = renderApp(REPLY_URL);
    expect(await screen.findByRole('radio', { name: 'In force' })).toHaveProperty('checked', true);

    // Saved meanwhile elsewhere; the delegate goes home and comes back.
    served.data = { action_plan: 'in_preparation' };
    served.revision += 1;
    await act(() => router.navigate('/'));
    await act(() => router.navigate(REPLY_URL));
    await waitFor(() => expect(isChecked('In preparation')).toBe(true));
    expect(sent(requests, `GET ${REPLY_PATH}`)).toHaveLength(2);
  });

  it('shows the questionnaire with its status and progress, and moves between its sections', async () => {
    stubReplyApi(delegateUser, { response: reply({ data: { action_plan: 'in_force' } }) });
    renderApp(REPLY_URL);

    expect(await screen.findByRole('heading', { level: 1, name: '2010 follow-up' })).toBeTruthy();
    expect(await screen.findByRole('radio', { name: 'In force' })).toHaveProperty('checked', true);
    expect(screen.getByText('Draft')).toBeTruthy();
    expect(await screen.findByRole('progressbar', { name: '1 of 2 required questions answered' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Revision history' }).getAttribute('href')).toBe(`${REPLY_URL}/history`);

    const sections = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(sections).getByRole('button', { name: 'National coordination' }).getAttribute('aria-current')).toBe('step');
    await user().click(within(sections).getByRole('button', { name: 'People' }));
    expect(await screen.findByText('Who is the national coordinator?')).toBeTruthy();
    expect(within(sections).getByRole('button', { name: 'People' }).getAttribute('aria-current')).toBe('step');
  });

  it('saves a moment after a change, only what changed, and says where the answers stand', async () => {
    const patch = deferredResponse();
    const { requests } = stubReplyApi(delegateUser, { routes: { [PATCH]: () => patch.promise } });
    renderApp(REPLY_URL);

    await user().click(await screen.findByRole('radio', { name: 'In force' }));
    expect(saveState().textContent).toBe('Unsaved changes');
    expect(sent(requests, PATCH)).toHaveLength(0);

    await skip(1000);
    expect(saveState().textContent).toBe('Saving…');
    const [save] = sent(requests, PATCH);
    expect(bodyOf(save)).toEqual({ baseRevision: 3, set: { action_plan: 'in_force' } });
    expect(save?.headers.get('x-csrf-token')).toBeTruthy();

    patch.resolve(jsonResponse(200, { revision: 4, status: 'draft' }));
    expect(await within(saveState()).findByText('Saved')).toBeTruthy();
    await skip(2000);
    expect(saveState().textContent).toBe('Saved · 2 s ago');
    expect(within(saveState()).getByRole('status').textContent).toBe('Saved');
  });

  it('saves what is typed without waiting once the delegate leaves it for another section', async () => {
    const { requests } = stubReplyApi(delegateUser);
    renderApp(REPLY_URL);

    await user().click(await screen.findByRole('button', { name: 'People' }));
    await user().type(await screen.findByRole('textbox', { name: 'Who is the national coordinator?' }), 'Police');
    expect(saveState().textContent).toBe('Unsaved changes');
    await user().click(screen.getByRole('button', { name: 'National coordination' }));
    expect(sent(requests, PATCH)).toHaveLength(1);

    expect(await within(saveState()).findByText('Saved')).toBeTruthy();
    expect(sent(requests, PATCH).map(bodyOf)).toEqual([{ baseRevision: 3, set: { coordinator: 'Police' } }]);
  });

  it('shows the answers saved meanwhile when the delegate comes back to the page', async () => {
    stubReplyApi(delegateUser);
    const { router } = renderApp(REPLY_URL);

    await user().click(await screen.findByRole('radio', { name: 'In force' }));
    await skip(1000);
    await within(saveState()).findByText('Saved');
    expect(screen.getByText('Draft')).toBeTruthy();
    await act(() => router.navigate('/'));
    await act(() => router.navigate(REPLY_URL));

    await waitFor(() => expect(isChecked('In force')).toBe(true));
  });

  it('keeps changes made offline in the browser, and sends them when the page is opened again', async () => {
    const { requests: offline } = stubReplyApi(delegateUser, { routes: { [PATCH]: unreachable } });
    const first = renderApp(REPLY_URL);

    await user().click(await screen.findByRole('radio', { name: 'In preparation' }));
    await skip(1000);
    expect(await within(saveState()).findByText('Offline — changes kept on this device')).toBeTruthy();
    expect(sent(offline, PATCH)).toHaveLength(1);
    first.unmount();

    const { requests: online } = stubReplyApi(delegateUser);
    renderApp(REPLY_URL);

    expect(await screen.findByRole('radio', { name: 'In preparation' })).toHaveProperty('checked', true);
    expect(await within(saveState()).findByText('Saved')).toBeTruthy();
    expect(sent(online, PATCH).map(bodyOf)).toEqual([{ baseRevision: 3, set: { action_plan: 'in_preparation' } }]);
    expect(localStorage.length).toBe(0);
  });

  it('lets another tab send what was kept offline as soon as the page is left, without waiting for it to be given up', async () => {
    let reachable = false;
    const { requests } = stubReplyApi(delegateUser, {
      routes: ({ save }) => ({ [PATCH]: (request) => (reachable ? save(request) : unreachable()) }),
    });
    renderApp(REPLY_URL);
    await user().click(await screen.findByRole('radio', { name: 'In preparation' }));
    await skip(1000);
    await within(saveState()).findByText('Offline — changes kept on this device');

    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    // Another tab (its own sessionStorage) opens the reply once the connection is back.
    sessionStorage.clear();
    reachable = true;
    const other = within(renderApp(REPLY_URL).container);

    expect(await other.findByRole('radio', { name: 'In preparation' })).toHaveProperty('checked', true);
    expect(await within(other.getByRole('group', { name: 'Save state' })).findByText('Saved')).toBeTruthy();
    expect(sent(requests, PATCH).map(bodyOf).at(-1)).toEqual({ baseRevision: 3, set: { action_plan: 'in_preparation' } });
    expect(localStorage.length).toBe(0);
  });

  it('sends what waited offline as soon as the connection returns', async () => {
    let reachable = false;
    const { requests } = stubReplyApi(delegateUser, {
      routes: { [PATCH]: () => (reachable ? jsonResponse(200, { revision: 4, status: 'draft' }) : unreachable()) },
    });
    renderApp(REPLY_URL);

    await user().click(await screen.findByRole('radio', { name: 'None' }));
    await skip(1000);
    await within(saveState()).findByText('Offline — changes kept on this device');

    reachable = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await within(saveState()).findByText('Saved')).toBeTruthy();
    expect(sent(requests, PATCH).map(bodyOf)).toEqual([
      { baseRevision: 3, set: { action_plan: 'none' } },
      { baseRevision: 3, set: { action_plan: 'none' } },
    ]);
  });

  it('shows the other person’s answer in a conflict and takes it when the delegate chooses so', async () => {
    const { requests } = stubReplyApi(delegateUser, {
      response: reply({ data: { coordinator: 'Ministry of the Interior' } }),
      routes: ({ reply: server }) => ({
        [PATCH]: () => {
          // Olga saved the same question meanwhile, and the one on the next page.
          Object.assign(server, { revision: 7, data: { coordinator: 'National Police', action_plan: 'none' } });
          return editConflict(7, [{ question: 'action_plan', currentValue: 'none', changedBy: 'Olga Other', changedAt: '2025-03-03T10:00:00Z' }]);
        },
      }),
    });
    renderApp(REPLY_URL);

    await user().click(await screen.findByRole('radio', { name: 'In force' }));
    await skip(1000);
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed the same answers' });
    expect(saveState().textContent).toBe('Not saved: someone else changed the same answers');
    expect(document.activeElement).toBe(within(dialog).getByRole('heading'));
    const question = within(dialog).getByRole('group', { name: 'Is a national action plan in force?' });
    expect(within(question).getByText('Your answer').nextElementSibling?.textContent).toBe('In force');
    expect(within(question).getByText(/^Olga Other’s answer, saved 3 March 2025/).nextElementSibling?.textContent).toBe('None');

    await user().click(within(dialog).getByRole('button', { name: 'Apply my choices' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/for every answer/);

    await user().click(within(question).getByRole('radio', { name: 'Take theirs' }));
    await user().click(within(dialog).getByRole('button', { name: 'Apply my choices' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(isChecked('None')).toBe(true));
    expect(sent(requests, PATCH)).toHaveLength(1);
    expect(localStorage.length).toBe(0);
    // What Olga saved elsewhere shows as well.
    await user().click(screen.getByRole('button', { name: 'People' }));
    expect(((await screen.findByRole('textbox')) as HTMLInputElement).value).toBe('National Police');
  });

  it('resends the answers the delegate keeps over the revision the conflict named', async () => {
    let conflicted = false;
    const { requests } = stubReplyApi(delegateUser, {
      routes: ({ reply: server, save }) => ({
        [PATCH]: (request) => {
          if (conflicted) return save(request);
          conflicted = true;
          Object.assign(server, { revision: 7, data: { action_plan: 'none' } });
          return editConflict(7, [{ question: 'action_plan', currentValue: 'none', changedBy: 'Olga Other', changedAt: '2025-03-03T10:00:00Z' }]);
        },
      }),
    });
    renderApp(REPLY_URL);

    await user().click(await screen.findByRole('radio', { name: 'In force' }));
    await skip(1000);
    const dialog = await screen.findByRole('dialog');
    await user().click(within(dialog).getByRole('radio', { name: 'Keep mine' }));
    await user().click(within(dialog).getByRole('button', { name: 'Apply my choices' }));

    expect(await within(saveState()).findByText('Saved')).toBeTruthy();
    expect(isChecked('In force')).toBe(true);
    expect(sent(requests, PATCH).map(bodyOf)).toEqual([
      { baseRevision: 3, set: { action_plan: 'in_force' } },
      { baseRevision: 7, set: { action_plan: 'in_force' } },
    ]);
  });

  it('checks the answers before asking to confirm: lists every one that stops the submission, each moving the focus to its field', async () => {
    const { requests } = stubReplyApi(delegateUser);
    renderApp(REPLY_URL);

    await user().click(await screen.findByRole('button', { name: 'Submit for review' }));

    const alert = await screen.findByRole('alert', { name: '2 answers need attention' });
    // Nothing to confirm, and nothing sent: the reply cannot be submitted as it is.
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
    expect(sent(requests, SUBMIT)).toHaveLength(0);
    const items = within(alert).getAllByRole('button');
    expect(items.map((item) => item.textContent)).toEqual([
      'Is a national action plan in force? — Response required.',
      'Who is the national coordinator? — Response required.',
    ]);

    await user().click(items[1]!);
    const sections = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(sections).getByRole('button', { name: 'People' }).getAttribute('aria-current')).toBe('step');
    const field = await screen.findByRole('textbox', { name: /Who is the national coordinator\?/ });
    await waitFor(() => expect(document.activeElement).toBe(field));
  });

  it("lists what only the server's check found, in the questionnaire's words", async () => {
    const version = structuredClone(twoPageVersion);
    (version.definition as { pages: Array<{ elements: unknown[] }> }).pages[1]!.elements.push({ type: 'multipletext', name: 'contact', title: 'Contact person', items: [{ name: 'email', title: 'E-mail address' }] });
    const { requests } = stubReplyApi(delegateUser, {
      version,
      response: reply({ data: { action_plan: 'in_force', coordinator: 'Police' } }),
      routes: {
        [SUBMIT]: json(422, {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'The response cannot be submitted yet; nothing was changed.',
            details: [{ question: 'contact', message: "item 'email': Response required." }],
          },
        }),
      },
    });
    renderApp(REPLY_URL);

    await user().click(await screen.findByRole('button', { name: 'Submit for review' }));
    const confirm = await screen.findByRole('group', { name: /Every required answer is given\. Submit the reply for review\?/ });
    await user().click(within(confirm).getByRole('button', { name: 'Submit' }));

    const alert = await screen.findByRole('alert', { name: '1 answer needs attention' });
    expect(bodyOf(sent(requests, SUBMIT)[0])).toEqual({ revision: 3 });
    expect(within(alert).getAllByRole('button').map((item) => item.textContent)).toEqual(['Contact person — “E-mail address”: Response required.']);
  });

  it('does not count a question as answered while it is in the error list', async () => {
    const version = structuredClone(twoPageVersion);
    (version.definition as { pages: Array<{ elements: unknown[] }> }).pages[1]!.elements.push({
      type: 'multipletext',
      name: 'contact',
      title: 'Contact person',
      isRequired: true,
      items: [
        { name: 'name', title: 'Name', isRequired: true },
        { name: 'email', title: 'E-mail', isRequired: true },
      ],
    });
    stubReplyApi(delegateUser, { version, response: reply({ data: { action_plan: 'in_force', coordinator: 'Police', contact: { name: 'Mari Kask' } } }) });
    renderApp(REPLY_URL);

    expect(await screen.findByRole('progressbar', { name: '2 of 3 required questions answered' })).toBeTruthy();
    await user().click(screen.getByRole('button', { name: 'Submit for review' }));
    const alert = await screen.findByRole('alert', { name: '1 answer needs attention' });
    expect(within(alert).getAllByRole('button').map((item) => item.textContent)).toEqual(['Contact person — “E-mail”: Response required.']);
    expect(screen.getByRole('progressbar', { name: '2 of 3 required questions answered' })).toBeTruthy();
  });

  it('never holds back a reply the server accepts: what another delegate saved meanwhile counts', async () => {
    const { requests, reply: onServer } = stubReplyApi(delegateUser, { response: reply({ data: { action_plan: 'in_force' } }) });
    renderApp(REPLY_URL);
    expect(await screen.findByRole('progressbar', { name: '1 of 2 required questions answered' })).toBeTruthy();

    // Another delegate of Estonia gives the missing answer; this page has not seen it yet.
    onServer.data = { ...onServer.data, coordinator: 'National Police' };
    onServer.revision = 4;

    await user().click(screen.getByRole('button', { name: 'Submit for review' }));
    const confirm = await screen.findByRole('group', { name: /Every required answer is given/ });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('progressbar', { name: '2 of 2 required questions answered' })).toBeTruthy();
    await user().click(within(confirm).getByRole('button', { name: 'Submit' }));
    await screen.findByText(/^Submitted on /);
    expect(bodyOf(sent(requests, SUBMIT)[0])).toEqual({ revision: 4 });
  });

  it('saves what waits before submitting, then shows the reply read-only with a banner', async () => {
    const { requests } = stubReplyApi(delegateUser, { response: reply({ data: { coordinator: 'National Police' } }) });
    renderApp(REPLY_URL);

    await user().click(await screen.findByRole('radio', { name: 'In force' }));
    await user().click(screen.getByRole('button', { name: 'Submit for review' }));
    await user().click(screen.getByRole('button', { name: 'Submit' }));

    const banner = await screen.findByText(/^Submitted on .* — read-only while the consultant reviews it\.$/);
    expect(banner.getAttribute('role')).toBe('status');
    expect(sent(requests, PATCH).map(bodyOf)).toEqual([{ baseRevision: 3, set: { action_plan: 'in_force' } }]);
    expect(bodyOf(sent(requests, SUBMIT)[0])).toEqual({ revision: 4 });
    await waitFor(() => expect(isLocked(screen.getByRole('radio', { name: 'None' }))).toBe(true));
    expect(screen.queryByRole('button', { name: 'Submit for review' })).toBeNull();
  });

  it('offers a new version’s first visitor the previous answers, and saves them as one change', async () => {
    const { requests } = stubReplyApi(delegateUser, {
      response: reply({ status: 'not_started', revision: 0, updatedAt: null, updatedBy: null }),
      routes: {
        [`GET ${REPLY_PATH}/prefill`]: json(200, {
          fromVersion: 1,
          fromRevision: 6,
          fromStatus: 'accepted',
          data: { action_plan: 'in_preparation', coordinator: 'National Police' },
          dropped: [
            { question: 'hotline', reason: 'dropped from version 1 to 2' },
            { question: 'mou_good_practice', reason: 'dropped from version 1 to 2' },
            { question: 'coordinator', reason: "version 2 does not accept it: must be at most 80 characters." },
          ],
        }),
        [PATCH]: json(200, { revision: 1, status: 'draft' }),
      },
    });
    renderApp(REPLY_URL);

    await user().click(await screen.findByRole('button', { name: 'Start from our previous answers (version 1)' }));

    expect(await screen.findByText('Prefilled from version 1 — review every answer before you submit.')).toBeTruthy();
    const note = screen.getByText('Prefilled from version 1 — review every answer before you submit.').parentElement!;
    // In the questionnaire's words: the question's title, why in plain words; questions this
    // version no longer asks are not offered to be answered anew, only counted.
    expect(within(note).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Who is the national coordinator? — the earlier answer does not fit this version (must be at most 80 characters)',
    ]);
    expect(note.textContent).toMatch(/2 earlier answers were left out: this version no longer asks their questions\./);
    expect(note.textContent).not.toMatch(/hotline|mou_good_practice|dropped from/);
    await waitFor(() => expect(isChecked('In preparation')).toBe(true));
    expect(await within(saveState()).findByText('Saved')).toBeTruthy();
    expect(screen.getByText('Draft')).toBeTruthy();
    expect(sent(requests, PATCH).map(bodyOf)).toEqual([
      { baseRevision: 0, set: { action_plan: 'in_preparation', coordinator: 'National Police' } },
    ]);
    expect(screen.queryByRole('button', { name: /Start from our previous answers/ })).toBeNull();
  });

  it('offers no previous answers once the reply has been submitted', async () => {
    const { requests } = stubReplyApi(delegateUser, { response: reply({ status: 'submitted', submittedAt: '2025-03-02T10:00:00Z' }) });
    renderApp(REPLY_URL);

    await screen.findByRole('radio', { name: 'In force' });
    expect(screen.queryByRole('button', { name: /Start from our previous answers/ })).toBeNull();
    expect(sent(requests, `GET ${REPLY_PATH}/prefill`)).toHaveLength(0);
  });

  it('shows someone who is not a delegate of the state the reply read-only', async () => {
    stubReplyApi(consultantUser);
    renderApp(REPLY_URL);

    expect(await screen.findByText('You are viewing Estonia’s reply. It is read-only.')).toBeTruthy();
    expect(isLocked(await screen.findByRole('radio', { name: 'In force' }))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Submit for review' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Save state' })).toBeNull();
  });

  it('tells a delegate that a returned reply can be changed again', async () => {
    stubReplyApi(delegateUser, { response: reply({ status: 'returned' }) });
    renderApp(REPLY_URL);

    expect(await screen.findByText(/^Returned for changes/)).toBeTruthy();
    expect(isLocked(await screen.findByRole('radio', { name: 'In force' }))).toBe(false);
  });

  it('stops editing when a save finds the reply locked', async () => {
    stubReplyApi(delegateUser, {
      routes: ({ reply: server }) => ({
        [PATCH]: () => {
          // A colleague submitted the reply meanwhile.
          Object.assign(server, { status: 'submitted', submittedAt: '2025-03-03T10:00:00Z' });
          return errorResponse(409, 'RESPONSE_LOCKED', 'The response is submitted: it cannot be changed.', { reason: 'submitted' });
        },
      }),
    });
    renderApp(REPLY_URL);

    await user().click(await screen.findByRole('radio', { name: 'In force' }));
    await skip(1000);
    expect(await screen.findByText('Submitted on 3 March 2025 — read-only while the consultant reviews it.')).toBeTruthy();
    expect(saveState().textContent).toBe('Locked');
    await waitFor(() => expect(isLocked(screen.getByRole('radio', { name: 'None' }))).toBe(true));
  });

  it('switches the language when the questionnaire has more than one, and remembers the choice', async () => {
    const version = structuredClone(twoPageVersionWithGerman());
    stubReplyApi(delegateUser, { version });
    renderApp(REPLY_URL);

    const language = await screen.findByRole('combobox', { name: 'Language' });
    expect(await screen.findByText('Is a national action plan in force?')).toBeTruthy();
    await user().selectOptions(language, 'German');
    expect(await screen.findByText('Gibt es einen nationalen Aktionsplan?')).toBeTruthy();
    expect(localStorage.getItem('ncs:questionnaire-locale')).toBe('de');
  });

  it('says when the reply cannot be found', async () => {
    stubReplyApi(delegateUser, {
      routes: { [`GET ${REPLY_PATH}`]: json(404, { error: { code: 'NOT_FOUND', message: 'There is no such response.' } }) },
    });
    renderApp(REPLY_URL);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'This reply could not be loaded' })).toBeTruthy();
    expect(within(alert).getByText('There is no such response.')).toBeTruthy();
  });
});

function twoPageVersionWithGerman() {
  const version = structuredClone(twoPageVersion);
  const [coordination] = version.definition.pages as { elements: Record<string, unknown>[] }[];
  coordination!.elements[0]!.title = { default: 'Is a national action plan in force?', de: 'Gibt es einen nationalen Aktionsplan?' };
  return version;
}
