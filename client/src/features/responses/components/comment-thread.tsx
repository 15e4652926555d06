import { useState } from 'react';
import type { ResponseTarget } from '../../../api/response-keys';
import { messageOf } from '../../../components/form/form-alert';
import { formatDateTime } from '../../../lib/format-date';
import { useAddComment } from '../api/add-comment';
import type { ReviewComment } from '../api/get-comments';
import { useSetThreadResolved } from '../api/resolve-comment';
import { isThreadOpen, type CommentThread } from '../review/comment-threads';
import { CommentForm } from './comment-form';

interface CommentThreadViewProps {
  target: ResponseTarget;
  thread: CommentThread;
  /** May answer, resolve and re-open (consultants, administrators, the state's delegates). */
  canComment: boolean;
}

/** One thread: its comments with who wrote them and when, and — for those who may — reply, resolve or re-open. */
export function CommentThreadView({ target, thread, canComment }: CommentThreadViewProps) {
  const [replying, setReplying] = useState(false);
  const add = useAddComment(target);
  const settle = useSetThreadResolved(target);
  const open = isThreadOpen(thread);
  const first = thread.comments[0]!;
  const about = `the thread started by ${first.author} on ${formatDateTime(first.at)}`;
  const resolvedBy = open ? null : thread.comments.find((comment) => comment.resolvedBy !== null) ?? first;

  return (
    <div className={open ? 'comment-thread' : 'comment-thread comment-thread--resolved'}>
      <ol className="comment-thread__comments">
        {thread.comments.map((comment) => (
          <ThreadComment key={comment.id} comment={comment} />
        ))}
      </ol>
      {resolvedBy && (
        <p className="comment-thread__state">
          Resolved{resolvedBy.resolvedBy ? ` by ${resolvedBy.resolvedBy}` : ''}
          {resolvedBy.resolvedAt && (
            <>
              {' '}
              · <time dateTime={resolvedBy.resolvedAt}>{formatDateTime(resolvedBy.resolvedAt)}</time>
            </>
          )}
        </p>
      )}
      {canComment && !replying && (
        <div className="comment-thread__actions">
          <button type="button" className="button button--secondary button--small" onClick={() => setReplying(true)}>
            Reply<span className="visually-hidden"> to {about}</span>
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={settle.isPending}
            // Re-opening the first comment re-opens the thread; resolving settles every open comment in it.
            onClick={() => settle.mutate({ ids: open ? thread.openIds : [thread.id], resolved: open })}
          >
            {settle.isPending ? (open ? 'Resolving…' : 'Re-opening…') : open ? 'Resolve' : 'Re-open'}
            <span className="visually-hidden"> {about}</span>
          </button>
        </div>
      )}
      {settle.isError && (
        <p className="comment-thread__error" role="alert">
          {messageOf(settle.error)}
        </p>
      )}
      {replying && (
        <CommentForm
          label="Your reply"
          submitLabel="Send reply"
          pendingLabel="Sending…"
          onSubmit={(body) => add.mutateAsync({ body, replyTo: thread.id })}
          onClose={() => setReplying(false)}
        />
      )}
    </div>
  );
}

function ThreadComment({ comment }: { comment: ReviewComment }) {
  return (
    <li className="thread-comment">
      <p className="thread-comment__meta">
        <span className="thread-comment__author">{comment.author}</span> ·{' '}
        <time dateTime={comment.at}>{formatDateTime(comment.at)}</time>
      </p>
      <p className="thread-comment__body">{comment.body}</p>
    </li>
  );
}
