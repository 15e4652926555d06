import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Model, QuestionPanelDynamicModel } from 'survey-core';
import type { ResponseTarget } from '../../../api/response-keys';
import { useComments } from '../api/get-comments';
import { isThreadOpen, threadsByQuestion, threadsOf, type CommentThread } from './comment-threads';
import { reviewedQuestion } from './review-keys';

/** A question whose comments were asked for from elsewhere on the page (the list of open comments). */
interface ShowRequest {
  question: string;
}

export interface ReviewState {
  target: ResponseTarget;
  model: Model;
  /** Every thread, keyed by question (null: on the whole reply); empty while the comments load. */
  threads: ReadonlyMap<string | null, CommentThread[]>;
  /** Consultants, administrators and the state's delegates answer and resolve comments; analysts only read. */
  canComment: boolean;
  /** Who starts a thread: consultants and administrators; the state's delegates once the reply came back to them. */
  canStartThreads: boolean;
  /** Whether a question's threads show below it. */
  isExpanded: (question: string) => boolean;
  toggle: (question: string) => void;
  /** The question whose new-comment form is open, if any. */
  composing: string | null;
  setComposing: (question: string | null) => void;
  /** Opens a question's comments and brings them into view (on its page when the questionnaire is paged). */
  showQuestion: (question: string) => void;
  showRequest: ShowRequest | null;
  /** The question asked for has been shown: a later render of it takes no focus. */
  settleShowRequest: () => void;
}

const ReviewContext = createContext<ReviewState | null>(null);

/**
 * The review comments of the reply, for the markers and threads SurveyJS renders inside the
 * questionnaire (review-survey-hooks.tsx): they read this context, so a change in the comments
 * re-renders them without re-rendering the questionnaire.
 */
interface ReviewProviderProps {
  target: ResponseTarget;
  model: Model;
  canComment: boolean;
  canStartThreads: boolean;
  children: ReactNode;
}

export function ReviewProvider({ target, model, canComment, canStartThreads, children }: ReviewProviderProps) {
  const comments = useComments(target);
  // A question's threads show once any of them has been open while the page is open (so resolving
  // one does not make it vanish), until someone folds them with the marker.
  const [folded, setFolded] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [everOpen, setEverOpen] = useState<ReadonlySet<string>>(new Set());
  const [composing, setComposing] = useState<string | null>(null);
  const [showRequest, setShowRequest] = useState<ShowRequest | null>(null);
  const threads = useMemo(() => threadsByQuestion(threadsOf(comments.data ?? [])), [comments.data]);

  useEffect(() => {
    const open = [...threads].filter(([question, list]) => question !== null && list.some(isThreadOpen)).map(([question]) => question!);
    setEverOpen((current) => (open.every((question) => current.has(question)) ? current : new Set([...current, ...open])));
  }, [threads]);

  const isExpanded = useCallback(
    (question: string) => folded.get(question) ?? (everOpen.has(question) || (threads.get(question) ?? []).some(isThreadOpen)),
    [folded, everOpen, threads],
  );
  const toggle = useCallback(
    (question: string) => setFolded((current) => new Map(current).set(question, !isExpanded(question))),
    [isExpanded],
  );
  const showQuestion = useCallback(
    (question: string) => {
      const found = reviewedQuestion(model, question);
      const page = found?.topLevel.page;
      if (page && !model.isSinglePage && model.currentPage !== page) model.currentPage = page;
      // A dynamic panel that shows one entry at a time turns to the entry.
      if (found?.entry && found.topLevel.getType() === 'paneldynamic') {
        const panel = found.topLevel as QuestionPanelDynamicModel;
        if (panel.displayMode !== 'list' && found.entry <= panel.panelCount) panel.currentIndex = found.entry - 1;
      }
      setFolded((current) => new Map(current).set(question, true));
      setShowRequest({ question });
    },
    [model],
  );

  const settleShowRequest = useCallback(() => setShowRequest(null), []);

  const value = useMemo<ReviewState>(
    () => ({ target, model, threads, canComment, canStartThreads, isExpanded, toggle, composing, setComposing, showQuestion, showRequest, settleShowRequest }),
    [target, model, threads, canComment, canStartThreads, isExpanded, toggle, composing, showQuestion, showRequest, settleShowRequest],
  );
  return <ReviewContext.Provider value={value}>{children}</ReviewContext.Provider>;
}

export function useReview(): ReviewState {
  const state = useContext(ReviewContext);
  if (!state) throw new Error('useReview is used outside a ReviewProvider');
  return state;
}
