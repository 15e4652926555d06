import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { createRoutes } from '../../../client/src/app/router';

/** A query client that reports failures at once, so error states show without waiting for retries. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** Renders `routes` in a memory router at `url`, inside a fresh query cache. */
export function renderRoutes(routes: RouteObject[], url: string, queryClient = createTestQueryClient()) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient };
}

/** Renders the whole application — shell, lazy routes and all — at `url`. */
export function renderApp(url: string) {
  const queryClient = createTestQueryClient();
  return renderRoutes(createRoutes(queryClient), url, queryClient);
}
