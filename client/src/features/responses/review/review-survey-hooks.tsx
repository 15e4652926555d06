import type { ReactElement } from 'react';
import type { IAction, Model, Question } from 'survey-core';
import { ReactElementFactory } from 'survey-react-ui';
import { QuestionCommentActions } from '../components/question-comment-actions';
import { QuestionWithThreads } from '../components/question-with-threads';
import { reviewKeyOf } from './review-keys';

/**
 * The review comments inside the questionnaire, through what SurveyJS offers for it rather than
 * by changing its markup after it renders: a title action on each question (the marker with the
 * count of its comments), and a wrapper component that renders below the question its threads and
 * "Comment".
 * Both are React components registered with SurveyJS's element factory; they read the comments
 * from the review context (review-context.tsx).
 */
const ACTIONS_COMPONENT = 'review-comment-actions';
const WRAPPER_COMPONENT = 'review-question-with-threads';

// The key is worked out as the question renders, not when SurveyJS first asks: a question in a
// dynamic panel moves to another entry when an entry before it is removed.
ReactElementFactory.Instance.registerElement(ACTIONS_COMPONENT, (props: { item: IAction }) => {
  const key = reviewKeyOf((props.item.data as { question: Question }).question);
  return key === null ? <></> : <QuestionCommentActions question={key} />;
});
ReactElementFactory.Instance.registerElement(WRAPPER_COMPONENT, (props: { element: ReactElement; question: Question }) => {
  const key = reviewKeyOf(props.question);
  return key === null ? props.element : <QuestionWithThreads question={key}>{props.element}</QuestionWithThreads>;
});

/** A question a comment can be about: one of the reply's own, or one in an entry of a dynamic panel. */
const isCommentable = (element: unknown): boolean => reviewKeyOf(element) !== null;

/** Call before the model is first rendered: SurveyJS asks for a question's title actions once. */
export function addReviewToModel(model: Model): void {
  model.onGetQuestionTitleActions.add((_, options) => {
    if (!isCommentable(options.question)) return;
    options.actions.push({
      id: 'review-comments',
      component: ACTIONS_COMPONENT,
      data: { question: options.question },
      // Always shown in full, never folded into SurveyJS's "more" menu.
      disableShrink: true,
      disableHide: true,
    });
  });
  model.onElementWrapperComponentName.add((_, options: { element: unknown; wrapperName: string; reason?: string; componentName: string }) => {
    if (options.wrapperName === 'component' && options.reason === undefined && isCommentable(options.element)) {
      options.componentName = WRAPPER_COMPONENT;
    }
  });
}
