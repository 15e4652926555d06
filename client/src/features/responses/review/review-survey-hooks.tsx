import type { ReactElement } from 'react';
import { Question, type IAction, type Model } from 'survey-core';
import { ReactElementFactory } from 'survey-react-ui';
import { QuestionCommentActions } from '../components/question-comment-actions';
import { QuestionWithThreads } from '../components/question-with-threads';

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

ReactElementFactory.Instance.registerElement(ACTIONS_COMPONENT, (props: { item: IAction }) => (
  <QuestionCommentActions question={(props.item.data as { question: string }).question} />
));
ReactElementFactory.Instance.registerElement(WRAPPER_COMPONENT, (props: { element: ReactElement; question: Question }) => (
  <QuestionWithThreads question={props.question.name}>{props.element}</QuestionWithThreads>
));

/** Kinds of question that hold no answer, so nothing to comment on. */
const WITHOUT_ANSWER = new Set(['html', 'image', 'expression']);

/** A question of the reply's own (not one inside a dynamic panel), which a comment can be about. */
function isCommentable(element: unknown): element is Question {
  return element instanceof Question && !element.parentQuestion && !WITHOUT_ANSWER.has(element.getType());
}

/** Call before the model is first rendered: SurveyJS asks for a question's title actions once. */
export function addReviewToModel(model: Model): void {
  model.onGetQuestionTitleActions.add((_, options) => {
    if (!isCommentable(options.question)) return;
    options.actions.push({
      id: 'review-comments',
      component: ACTIONS_COMPONENT,
      data: { question: options.question.name },
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
