import type { ReviewComment } from '../api/get-comments';

/** A first comment and the replies to it (and to them), oldest first. */
export interface CommentThread {
  id: string;
  /** A question name, or null for the whole reply. */
  question: string | null;
  comments: ReviewComment[];
  /** Comments in it not yet resolved, the first and the replies alike (as the board counts them). */
  openIds: string[];
}

export function isThreadOpen(thread: CommentThread): boolean {
  return thread.openIds.length > 0;
}

/**
 * The comments grouped into threads, in the order their first comments were written. A reply
 * joins the thread of the comment it answers, however deep; a reply whose comment is not in the
 * list (never expected) starts a thread of its own rather than being lost.
 */
export function threadsOf(comments: readonly ReviewComment[]): CommentThread[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const rootOf = (comment: ReviewComment): ReviewComment => {
    let current = comment;
    const seen = new Set<string>();
    while (current.replyTo !== null && byId.has(current.replyTo) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.replyTo)!;
    }
    return current;
  };
  const threads = new Map<string, CommentThread>();
  for (const comment of comments) {
    const root = rootOf(comment);
    let thread = threads.get(root.id);
    if (!thread) {
      thread = { id: root.id, question: root.question, comments: [], openIds: [] };
      threads.set(root.id, thread);
    }
    // Oldest first: a thread's first comment comes before its replies.
    thread.comments.push(comment);
    if (comment.resolvedAt === null) thread.openIds.push(comment.id);
  }
  return [...threads.values()];
}

/** The threads of each question (the key null holds those on the whole reply). */
export function threadsByQuestion(threads: readonly CommentThread[]): Map<string | null, CommentThread[]> {
  const grouped = new Map<string | null, CommentThread[]>();
  for (const thread of threads) {
    const list = grouped.get(thread.question) ?? [];
    list.push(thread);
    grouped.set(thread.question, list);
  }
  return grouped;
}

/** "2 comments", "1 comment": what a question's marker says. */
export function commentCountText(count: number): string {
  return count === 1 ? '1 comment' : `${count} comments`;
}
