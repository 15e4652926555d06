import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoadingState } from '../components/feedback/loading-state';
import { paths } from '../config/paths';
import { ProtectedLayout } from '../features/auth/components/protected-layout';
import { RequireRole } from '../features/auth/components/require-role';
import { definitionLoader, replyLoader, signedInLoader } from './route-prefetch';
import { NotFoundPage } from './routes/not-found';
import { RootLayout } from './routes/root';
import { RouteError } from './routes/route-error';

/**
 * Every page is a lazy route: its code loads when it is first opened, so that the entry stays
 * small and SurveyJS is only downloaded on the questionnaire pages.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      Component: RootLayout,
      ErrorBoundary: RouteError,
      children: [
        {
          // A pathless layer so that a page's failure, and the first load of a lazy page, show
          // inside the shell instead of replacing it.
          ErrorBoundary: RouteError,
          HydrateFallback: PageLoading,
          children: [
            { path: paths.signIn.path, lazy: () => import('./routes/sign-in') },
            { path: paths.invitation.path, lazy: () => import('./routes/invitation') },
            {
              Component: ProtectedLayout,
              loader: signedInLoader(queryClient),
              // Only the first page of a visit needs it; a loader run on every navigation would
              // make each one (a filter ticked, a table turned) wait a turn for nothing.
              shouldRevalidate: () => false,
              children: [
                { index: true, lazy: () => import('./routes/home') },
                { path: paths.changePassword.path, lazy: () => import('./routes/change-password') },
                { path: paths.apiTokens.path, lazy: () => import('./routes/api-tokens') },
                { path: paths.questionnaires.path, lazy: () => import('./routes/questionnaires') },
                {
                  path: paths.questionnaire.path,
                  loader: definitionLoader(queryClient),
                  lazy: () => import('./routes/questionnaire-preview'),
                },
                {
                  path: paths.response.path,
                  loader: replyLoader(queryClient),
                  lazy: () => import('./routes/response'),
                },
                { path: paths.responseHistory.path, lazy: () => import('./routes/response-history') },
                { path: paths.responseCompare.path, lazy: () => import('./routes/response-history-compare') },
                { path: paths.responseAudit.path, lazy: () => import('./routes/response-history-audit') },
                {
                  element: <RequireRole roles={ANALYSTS} />,
                  children: [
                    { path: paths.analysis.path, lazy: () => import('./routes/analysis') },
                    { path: paths.analysisCodebook.path, lazy: () => import('./routes/analysis-codebook') },
                    { path: paths.countryProfile.path, lazy: () => import('./routes/country-profile') },
                  ],
                },
                {
                  element: <RequireRole roles={REVIEWERS} />,
                  children: [{ path: paths.review.path, lazy: () => import('./routes/review-board') }],
                },
                {
                  element: <RequireRole roles={ADMINISTRATORS} />,
                  children: [
                    { path: paths.people.path, lazy: () => import('./routes/people') },
                    { path: paths.memberStates.path, lazy: () => import('./routes/member-states') },
                    { path: paths.auditLog.path, lazy: () => import('./routes/audit-log') },
                  ],
                },
              ],
            },
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ];
}

const ADMINISTRATORS = ['admin'] as const;
// Who may read the review board (its route: consultants and administrators).
const REVIEWERS = ['consultant', 'admin'] as const;
// Everyone who may read every reply (API.md, Analysis).
const ANALYSTS = ['analyst', 'consultant', 'admin'] as const;

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}

function PageLoading() {
  return <LoadingState label="Loading the page…" />;
}
