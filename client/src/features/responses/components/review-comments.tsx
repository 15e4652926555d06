import { useId, useRef } from 'react';
import type { Model } from 'survey-core';
import type { ResponseTarget } from '../../../api/response-keys';
import { messageOf } from '../../../components/form/form-alert';
import { formatDateTime } from '../../../lib/format-date';
import { useOpenComments, type ReviewComment } from '../api/get-comments';
import { useResolveComment } from '../api/resolve-comment';
import { questionOfKey, questionTitle } from '../survey/question-names';
import './review-comments.css';

interface ReviewCommentsProps {
  target: ResponseTarget;
  model: Model;
  /** The state's delegates, consultants and administrators may resolve a comment; analysts only read. */
  canResolve: boolean;
}

/**
 * The review comments not yet resolved, each with who wrote it and when, and the question it is
 * about as a button that opens that question. Nothing while they load or when there are none: a
 * reply without open comments needs no word about them.
 */
export function ReviewComments({ target, model, canResolve }: ReviewCommentsProps) {
  const comments = useOpenComments(target);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

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
  if (!comments.data || comments.data.length === 0) return null;

  const count = comments.data.length;
  return (
    <section className="review-comments" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} className="review-comments__title" tabIndex={-1}>
        {count === 1 ? '1 open comment' : `${count} open comments`}
      </h2>
      <ul className="review-comments__list">
        {comments.data.map((comment) => (
          <CommentItem
            key={comment.id}
            target={target}
            comment={comment}
            model={model}
            canResolve={canResolve}
            // The resolved comment leaves the list: the focus goes to its heading rather than be lost.
            onResolved={() => headingRef.current?.focus()}
          />
        ))}
      </ul>
    </section>
  );
}

interface CommentItemProps {
  target: ResponseTarget;
  comment: ReviewComment;
  model: Model;
  canResolve: boolean;
  onResolved: () => void;
}

function CommentItem({ target, comment, model, canResolve, onResolved }: CommentItemProps) {
  const resolve = useResolveComment(target);
  const { question, author, at, body } = comment;
  const written = formatDateTime(at);
  return (
    <li className="review-comment">
      <p className="review-comment__meta">
        <span className="review-comment__author">{author}</span> · <time dateTime={at}>{written}</time>
      </p>
      <p className="review-comment__subject">
        {question === null ? (
          'On the whole reply'
        ) : (
          <>
            On the question{' '}
            <button type="button" className="link-button" onClick={() => model.focusQuestion(questionOfKey(model, question))}>
              {questionTitle(model, question)}
            </button>
          </>
        )}
      </p>
      <p className="review-comment__body">{body}</p>
      {canResolve && (
        <div className="review-comment__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={resolve.isPending}
            // Its failure shows below the button.
            onClick={() => void resolve.mutateAsync(comment.id).then(onResolved, () => undefined)}
          >
            {resolve.isPending ? 'Marking resolved…' : 'Mark resolved'}
            <span className="visually-hidden">
              {' '}
              the comment by {author} of {written}
            </span>
          </button>
          {resolve.isError && (
            <p className="review-comment__error" role="alert">
              {messageOf(resolve.error)}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
