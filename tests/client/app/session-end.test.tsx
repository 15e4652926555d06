import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createAppQueryClient } from '../../../client/src/app/query-client';
import { createRoutes } from '../../../client/src/app/router';
import { errorResponse } from '../helpers/fake-fetch';
import { json, stubApi } from '../helpers/fake-api';
import { consultantUser, delegateUser, signedInAs } from '../helpers/people-fixtures';
import { renderApp, renderRoutes } from '../helpers/render';
import { REPLY_PATH, REPLY_URL, stubReplyApi } from '../features/responses/response-fixtures';

describe('A session that ends while a page is open', () => {
  it('sends the person to sign in, to come back to the same page', async () => {
    let checks = 0;
    stubApi({
      // Signed in at first; the session has ended by the time the page asks for its data.
      'GET /api/auth/me': (request) => {
        checks += 1;
        return checks === 1 ? json(200, signedInAs(consultantUser))(request) : errorResponse(401, 'UNAUTHENTICATED', 'Sign in to continue.');
      },
      'GET /api/surveys': () => errorResponse(401, 'UNAUTHENTICATED', 'Sign in to continue.'),
    });
    const queryClient = createAppQueryClient();
    const { router } = renderRoutes(createRoutes(queryClient), '/questionnaires', queryClient);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/questionnaires');
  });

  it('sends a delegate whose autosave finds it ended to sign in, to come back to the reply', async () => {
    // The autosave calls the API outside the query cache: its 401 must reach the session check too.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let ended = false;
      const signInToContinue = () => errorResponse(401, 'UNAUTHENTICATED', 'Sign in to continue.');
      stubReplyApi(delegateUser, {
        routes: {
          'GET /api/auth/me': (request) => (ended ? signInToContinue() : json(200, signedInAs(delegateUser))(request)),
          // The session ends just before the first save.
          [`PATCH ${REPLY_PATH}`]: () => {
            ended = true;
            return signInToContinue();
          },
        },
      });
      const { router } = renderApp(REPLY_URL);

      await userEvent.setup({ advanceTimers: vi.advanceTimersByTime }).click(await screen.findByRole('radio', { name: 'In force' }));
      await act(() => vi.advanceTimersByTimeAsync(1000));

      expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
      expect(new URLSearchParams(router.state.location.search).get('next')).toBe(REPLY_URL);
    } finally {
      vi.useRealTimers();
      localStorage.clear();
    }
  });
});
