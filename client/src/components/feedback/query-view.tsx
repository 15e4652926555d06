import type { ReactElement, ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { EmptyState } from './empty-state';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';

interface QueryViewTexts {
  /** Announced while loading, e.g. "Loading the people…". */
  loading: string;
  /** What failed, e.g. "The people could not be loaded". */
  errorTitle: string;
  /** Shown instead of an empty list: what the emptiness means and what will fill it. */
  empty?: { title: string; body?: ReactNode };
}

/**
 * Every list page shows the same three states before its data: loading, an error (with a retry
 * when asking again could help), and empty. Returns the element to render for those, or the data once there is some.
 */
export function queryView<T>(query: UseQueryResult<T>, texts: QueryViewTexts): { element: ReactElement } | { data: T } {
  if (query.isPending) return { element: <LoadingState label={texts.loading} /> };
  if (query.isError) {
    return {
      element: (
        <ErrorState
          error={query.error}
          title={texts.errorTitle}
          onRetry={() => void query.refetch()}
          isRetrying={query.isFetching}
        />
      ),
    };
  }
  if (texts.empty && Array.isArray(query.data) && query.data.length === 0) {
    return { element: <EmptyState title={texts.empty.title}>{texts.empty.body}</EmptyState> };
  }
  return { data: query.data };
}
