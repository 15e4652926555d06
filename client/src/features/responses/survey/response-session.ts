import type { QueryClient } from '@tanstack/react-query';
import type { Model } from 'survey-core';
import { getSurveyVersionQueryOptions } from '../../../api/get-survey-version';
import { responseQueryKey, versionResponsesQueryKey, type ResponseTarget } from '../../../api/response-keys';
import type { ResponseDetail } from '../api/get-response';
import { getResponseQueryOptions } from '../api/get-response';
import { saveResponse } from '../api/save-response';
import { createSaveStore, type SaveStore } from '../autosave/save-store';
import { browserDraftStorage } from '../autosave/tab-draft-storage';
import { createResponseModel } from './create-response-model';
import { preferredLocale } from './locale-preference';
import { modelAnswers, type ModelAnswers } from './model-answers';
import type { ReplyChecks } from './reply-checks';

export interface ResponseSession {
  model: Model;
  /** The server's progress and submit check over the answers the model shows. */
  checks: ReplyChecks;
  answers: ModelAnswers;
  /** Null for someone who may only read the reply. */
  store: SaveStore | null;
}

interface SessionOptions {
  target: ResponseTarget;
  definition: Record<string, unknown>;
  response: ResponseDetail;
  userId: string;
  /** A delegate of the reply's member state. */
  canWrite: boolean;
  /** Whether the reply may be changed now (its status and the version's allow it). */
  editable: boolean;
  queryClient: QueryClient;
  /**
   * A save failed. The store calls the API itself, outside TanStack Query, so its failures are
   * passed on here (an ended session sends the person to sign in, as for every other request).
   */
  onRequestFailed: (error: unknown) => void;
}

/** The model and the autosave of one reply, made together so that they always belong to each other. */
export function createResponseSession({
  target,
  definition,
  response,
  userId,
  canWrite,
  editable,
  queryClient,
  onRequestFailed,
}: SessionOptions): ResponseSession {
  const { model, checks } = createResponseModel(definition, response.data, { readOnly: !editable, locale: preferredLocale() });
  const answers = modelAnswers(model);
  if (!canWrite) return { model, checks, answers, store: null };

  const store = createSaveStore({
    revision: response.revision,
    view: answers,
    storage: browserDraftStorage({ userId, target }),
    restoreDraft: editable,
    server: {
      save: (request) => saveResponse(target, request),
      load: () => queryClient.fetchQuery({ ...getResponseQueryOptions(target), staleTime: 0 }),
    },
    onSaved: (result) => {
      // The badge shows the status a save may have changed (not started → draft) …
      queryClient.setQueryData<ResponseDetail>(responseQueryKey(target), (reply) => reply && { ...reply, status: result.status });
      // … and the home list and the history, which now show something old, load again when next opened.
      void queryClient.invalidateQueries({ queryKey: versionResponsesQueryKey(target), refetchType: 'none' });
    },
    // Submitted or closed meanwhile: load the status and the version again for the banner.
    onLocked: () => {
      void queryClient.invalidateQueries({ queryKey: responseQueryKey(target), exact: true });
      void queryClient.invalidateQueries({ queryKey: getSurveyVersionQueryOptions(target.surveyId, target.version).queryKey, exact: true });
    },
    onFailed: onRequestFailed,
  });
  return { model, checks, answers, store };
}
