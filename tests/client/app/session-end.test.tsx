import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createAppQueryClient } from '../../../client/src/app/query-client';
import { createRoutes } from '../../../client/src/app/router';
import { errorResponse } from '../helpers/fake-fetch';
import { json, stubApi } from '../helpers/fake-api';
import { consultantUser, signedInAs } from '../helpers/people-fixtures';
import { renderRoutes } from '../helpers/render';

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
});
