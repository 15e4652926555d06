import type { SaveSnapshot } from './save-store';

/**
 * What the save indicator says. `text` is announced (it changes only when the state does);
 * `age` ("2 s ago") is shown beside it and ticks, so it is not announced every second.
 */
export interface SaveStatusText {
  text: string;
  age: string | null;
  /** Something the delegate should act on or know is wrong. */
  problem: boolean;
}

/** `titleOf` names a question for the delegate (its title rather than its data key). */
export function saveStatusText(snapshot: SaveSnapshot, now: number, titleOf: (key: string) => string): SaveStatusText {
  const plain = (text: string, problem = false): SaveStatusText => ({ text, age: null, problem });
  switch (snapshot.phase) {
    case 'locked':
      return plain('Locked', true);
    case 'conflict':
      return plain('Not saved: someone else changed the same answers', true);
    case 'offline':
      return plain(snapshot.storedLocally ? 'Offline — changes kept on this device' : 'Offline — changes not saved: keep this page open', true);
    case 'saving':
      return plain('Saving…');
    case 'failed':
      return plain(`Not saved: ${snapshot.message ?? 'the server refused the answers'}`, true);
  }
  const [first, ...others] = snapshot.rejected;
  if (first) {
    const more = others.length > 0 ? ` (and ${others.length} more)` : '';
    return plain(`Not saved: ${titleOf(first.question)} — ${first.message}${more}`, true);
  }
  if (snapshot.phase === 'pending') return plain('Unsaved changes');
  if (snapshot.phase === 'saved' && snapshot.savedAt !== null) return { text: 'Saved', age: timeAgo(snapshot.savedAt, now), problem: false };
  return plain(snapshot.revision === 0 ? 'No answers saved yet' : 'All changes saved');
}

const timeOfDay = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "just now", "2 s ago", "5 min ago", then the time of day. */
export function timeAgo(then: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - then) / 1000));
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `at ${timeOfDay.format(new Date(then))}`;
}
