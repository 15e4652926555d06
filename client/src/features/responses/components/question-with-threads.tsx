import { useEffect, useRef, type ReactNode } from 'react';
import { useAddComment } from '../api/add-comment';
import { useReview } from '../review/review-context';
import { questionTitle } from '../survey/question-names';
import { CommentForm } from './comment-form';
import { CommentThreadView } from './comment-thread';
import './review-threads.css';

/** The id of a question's threads, which its marker controls. */
export function threadsIdOf(question: string): string {
  return `review-threads-${question.replace(/[^\w-]/g, '_')}`;
}

/**
 * A question as SurveyJS renders it (`children`), with its comment threads below it while they are
 * shown, "Comment" for those who may start a thread, and the form for a new comment while it is open.
 */
export function QuestionWithThreads({ question, children }: { question: string; children: ReactNode }) {
  const review = useReview();
  const add = useAddComment(review.target);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const threads = review.threads.get(question) ?? [];
  const shown = review.isExpanded(question) && threads.length > 0;
  const composing = review.composing === question;
  const { showRequest, settleShowRequest } = review;

  // Asked from the list of open comments: the focus lands on this question's threads, which brings them into view.
  useEffect(() => {
    if (showRequest?.question !== question || !headingRef.current) return;
    headingRef.current.focus();
    settleShowRequest();
  }, [showRequest, question, shown, settleShowRequest]);

  const title = questionTitle(review.model, question);
  return (
    <>
      {children}
      {review.canStartThreads && !composing && (
        <div className="question-comment-bar">
          <button type="button" className="comment-action" onClick={() => review.setComposing(question)}>
            Comment<span className="visually-hidden"> on “{title}”</span>
          </button>
        </div>
      )}
      {(shown || composing) && (
        <section id={threadsIdOf(question)} className="question-threads" aria-labelledby={`${threadsIdOf(question)}-title`}>
          <h3 ref={headingRef} id={`${threadsIdOf(question)}-title`} className="question-threads__title" tabIndex={-1}>
            Comments on “{title}”
          </h3>
          {shown && (
            <ul className="question-threads__list">
              {threads.map((thread) => (
                <li key={thread.id}>
                  <CommentThreadView target={review.target} thread={thread} canComment={review.canComment} />
                </li>
              ))}
            </ul>
          )}
          {composing && (
            <CommentForm
              label="Your comment"
              submitLabel="Add comment"
              pendingLabel="Adding…"
              onSubmit={(body) => add.mutateAsync({ question, body })}
              onClose={() => review.setComposing(null)}
            />
          )}
        </section>
      )}
    </>
  );
}
