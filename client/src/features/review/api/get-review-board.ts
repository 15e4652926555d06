import { queryOptions } from '@tanstack/react-query';
import { versionResponsesQueryKey, type VersionRef } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { ResponseStatus } from '../../../types/api';

/** One member state's reply to a version as the board shows it (`GET …/review-board`). */
export interface BoardEntry {
  memberState: string;
  memberStateName: string;
  /** False for an inactive state, listed only because it has a reply. */
  memberStateActive: boolean;
  status: ResponseStatus;
  revision: number;
  /** Share of the (required) questions answered, 0–1. */
  progress: number;
  /** Unresolved review comments, replies included. */
  openComments: number;
  /** The latest revision: when and by whom; null before the first save. */
  lastActivity: { at: string; by: string } | null;
  submittedAt: string | null;
  /** Whole days since submission, only while submitted. */
  daysSinceSubmission: number | null;
  /** Submitted again after it was returned. */
  resubmitted: boolean;
}

export interface BoardSummary {
  accepted: number;
  submitted: number;
  returned: number;
  draft: number;
  notStarted: number;
}

export interface VersionBoard {
  surveyId: string;
  version: number;
  rows: BoardEntry[];
  summary: BoardSummary;
}

/** `/api/surveys/{id}/versions/{v}/review-board`: an extension beside the contract's routes. */
export function reviewBoardPath({ surveyId, version }: VersionRef): string {
  return `/api/surveys/${encodeURIComponent(surveyId)}/versions/${version}/review-board`;
}

export function getReviewBoard(ref: VersionRef, { signal }: { signal?: AbortSignal } = {}): Promise<VersionBoard> {
  return api.get<VersionBoard>(reviewBoardPath(ref), { signal });
}

// Under the version's responses key, so that whatever changes a reply of this version (a save,
// a submission, a return, a comment resolved) marks the board out of date too.
export function getReviewBoardQueryOptions(ref: VersionRef) {
  return queryOptions({
    queryKey: [...versionResponsesQueryKey(ref), 'review-board'] as const,
    queryFn: ({ signal }) => getReviewBoard(ref, { signal }),
  });
}
