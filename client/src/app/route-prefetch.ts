import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { getSurveyVersionQueryOptions } from '../api/get-survey-version';
import { getMeQueryOptions } from '../features/auth/api/get-me';
import { prefetchResponse } from '../features/responses/api/get-response';
import { parseVersionParam } from '../config/paths';

/**
 * What the router starts fetching as a navigation begins, while the page's code (and, for the
 * questionnaire pages, SurveyJS) loads: otherwise each request waited for the code that makes it
 * and for the one before it — the account, then the reply (bench/BENCHMARKS.md, Client).
 */

/**
 * The protected pages: who is signed in, when nobody has asked yet (the first page of a visit).
 * Afterwards the layout's own query decides when to ask again, not every navigation.
 */
export function signedInLoader(queryClient: QueryClient) {
  return () => {
    // A failure is the layout's to show (it asks again): nothing to do with it here.
    queryClient.ensureQueryData(getMeQueryOptions()).catch(() => undefined);
    return null;
  };
}

/** A questionnaire's preview: its (large) definition. */
export function definitionLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const version = parseVersionParam(params.version);
    if (params.surveyId && version !== null) void queryClient.prefetchQuery(getSurveyVersionQueryOptions(params.surveyId, version));
    return null;
  };
}

/** What a reply's page loader hands the page: when the navigation began. */
export type OpenedAt = { readonly openedAt: number };

export function isOpenedAt(value: unknown): value is OpenedAt {
  return typeof value === 'object' && value !== null && typeof (value as { openedAt?: unknown }).openedAt === 'number';
}

/** A reply: the definition and the reply itself. */
export function replyLoader(queryClient: QueryClient) {
  const definition = definitionLoader(queryClient);
  return (args: LoaderFunctionArgs): OpenedAt => {
    const openedAt = Date.now();
    definition(args);
    const version = parseVersionParam(args.params.version);
    const { surveyId, state } = args.params;
    if (surveyId && state && version !== null) void prefetchResponse(queryClient, { surveyId, version, state });
    return { openedAt };
  };
}
