import { useId, useState } from 'react';
import { messageOf } from '../../../components/form/form-alert';
import { formatDateTime } from '../../../lib/format-date';
import { useAddComment } from '../api/add-comment';
import { useComments } from '../api/get-comments';
import { isThreadOpen, threadsOf, type CommentThread } from '../review/comment-threads';
import { useReview } from '../review/review-context';
import { questionTitle } from '../survey/question-names';
import { CommentForm } from './comment-form';
import { CommentThreadView } from './comment-thread';
import './review-comments.css';

/**
 * Above the questionnaire: how many comments are open, each open thread on a question with a
 * button that shows it beside its question, the threads on the whole reply in full (they have no
 * question to sit beside), and "Comment on the whole reply". Nothing while the comments load; before
 * the first comment only that button, for those who may start a thread.
 */
export function ReviewComments() {
  const review = useReview();
  const comments = useComments(review.target);
  const headingId = useId();

  if (comments.isError) {
    return (
      <div className="notice notice--warning review-comments__error" role="alert">
        <p>The review comments could not be loaded. {messageOf(comments.error)}</p>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void comments.refetch()}
          disabled={comments.isFetching}
        >
          {comments.isFetching ? 'Trying again…' : 'Try again'}
        </button>
      </div>
    );
  }
  if (!comments.data) return null;

  const threads = threadsOf(comments.data);
  const open = threads.filter(isThreadOpen);
  const openCount = open.reduce((sum, thread) => sum + thread.openIds.length, 0);
  const settledOnWhole = threads.filter((thread) => thread.question === null && !isThreadOpen(thread));
  const newComment = review.canStartThreads ? <WholeReplyComment /> : null;
  // Before any comment, only the way to write the first.
  if (threads.length === 0) return newComment ? <div className="review-comments review-comments--empty">{newComment}</div> : null;
  if (openCount === 0 && !review.canComment && settledOnWhole.length === 0) return null;

  return (
    <section className="review-comments" aria-labelledby={headingId}>
      <h2 id={headingId} className="review-comments__title">
        {openCount === 0 ? 'Review comments' : openCount === 1 ? '1 open comment' : `${openCount} open comments`}
      </h2>
      {openCount === 0 && <p className="review-comments__none">No comment is open.</p>}
      {open.length > 0 && (
        <ul className="review-comments__list">
          {open.map((thread) => (
            <li key={thread.id} className="review-comment">
              {thread.question === null ? <WholeReplyThread thread={thread} /> : <QuestionThreadSummary thread={thread} question={thread.question} />}
            </li>
          ))}
        </ul>
      )}
      {settledOnWhole.length > 0 && (
        <details className="review-comments__settled">
          <summary>
            {settledOnWhole.length === 1 ? '1 resolved thread' : `${settledOnWhole.length} resolved threads`} on the whole reply
          </summary>
          <ul className="review-comments__list">
            {settledOnWhole.map((thread) => (
              <li key={thread.id} className="review-comment">
                <WholeReplyThread thread={thread} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {newComment}
    </section>
  );
}

/** "Comment on the whole reply", and the form it opens. */
function WholeReplyComment() {
  const review = useReview();
  const add = useAddComment(review.target);
  const [composing, setComposing] = useState(false);
  if (composing) {
    return (
      <CommentForm
        label="Your comment on the whole reply"
        submitLabel="Add comment"
        pendingLabel="Adding…"
        onSubmit={(body) => add.mutateAsync({ body })}
        onClose={() => setComposing(false)}
      />
    );
  }
  return (
    <button type="button" className="button button--secondary button--small review-comments__new" onClick={() => setComposing(true)}>
      Comment on the whole reply
    </button>
  );
}

function WholeReplyThread({ thread }: { thread: CommentThread }) {
  const review = useReview();
  return (
    <>
      <p className="review-comment__subject">On the whole reply</p>
      <CommentThreadView target={review.target} thread={thread} canComment={review.canComment} />
    </>
  );
}

/** An open thread on a question: its first comment, how many replies, and the way to it. */
function QuestionThreadSummary({ thread, question }: { thread: CommentThread; question: string }) {
  const review = useReview();
  const first = thread.comments[0]!;
  const replies = thread.comments.length - 1;
  return (
    <>
      <p className="review-comment__meta">
        <span className="review-comment__author">{first.author}</span> · <time dateTime={first.at}>{formatDateTime(first.at)}</time>
        {replies > 0 && ` · ${replies === 1 ? '1 reply' : `${replies} replies`}`}
      </p>
      <p className="review-comment__subject">
        On the question{' '}
        <button type="button" className="link-button" onClick={() => review.showQuestion(question)}>
          {questionTitle(review.model, question)}
        </button>
      </p>
      <p className="review-comment__body">{first.body}</p>
    </>
  );
}
