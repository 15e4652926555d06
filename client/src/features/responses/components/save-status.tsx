import { useEffect, useState } from 'react';
import type { SaveSnapshot } from '../autosave/save-store';
import { saveStatusText } from '../autosave/save-status-text';

interface SaveStatusProps {
  snapshot: SaveSnapshot;
  titleOf: (key: string) => string;
  onRetry: () => void;
}

/**
 * Where the answers stand: "Saving…", "Saved · 2 s ago", "Offline — changes kept on this
 * device"… The state is a live region; the age beside it ticks outside it, so a screen reader
 * hears "Saved" once rather than every second.
 */
export function SaveStatus({ snapshot, titleOf, onRetry }: SaveStatusProps) {
  const now = useNow(snapshot.phase === 'saved');
  const { text, age, problem } = saveStatusText(snapshot, now, titleOf);
  return (
    <div className={problem ? 'save-status save-status--problem' : 'save-status'} role="group" aria-label="Save state">
      <span role="status">{text}</span>
      {age && <span className="save-status__age"> · {age}</span>}
      {(snapshot.phase === 'offline' || snapshot.phase === 'failed') && (
        <button type="button" className="button button--secondary button--small save-status__retry" onClick={onRetry}>
          Try again now
        </button>
      )}
    </div>
  );
}

/** The time now, renewed every second while `ticking`. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
