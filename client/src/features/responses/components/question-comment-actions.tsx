import { commentCountText } from '../review/comment-threads';
import { useReview } from '../review/review-context';
import { threadsIdOf } from './question-with-threads';

/**
 * In a question's title bar, once it has comments: the marker with their number, which shows or
 * hides its threads. Its words stay short: SurveyJS names the question's inputs after the whole
 * title bar, so they read "Who is the coordinator? 2 comments". ("Comment" sits below the
 * question for that reason, with the threads.)
 */
export function QuestionCommentActions({ question }: { question: string }) {
  const review = useReview();
  const threads = review.threads.get(question) ?? [];
  const count = threads.reduce((sum, thread) => sum + thread.comments.length, 0);
  if (count === 0) return null;
  const open = threads.reduce((sum, thread) => sum + thread.openIds.length, 0);
  const expanded = review.isExpanded(question);
  return (
    <button
      type="button"
      className={open > 0 ? 'comment-marker comment-marker--open' : 'comment-marker'}
      aria-expanded={expanded}
      aria-controls={expanded ? threadsIdOf(question) : undefined}
      onClick={() => review.toggle(question)}
    >
      {commentCountText(count)}
      {open === 0 ? ', resolved' : open < count ? `, ${open} open` : ''}
    </button>
  );
}
