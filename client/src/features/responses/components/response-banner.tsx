import { useEffect, useRef } from 'react';
import { formatDate } from '../../../lib/format-date';
import type { ResponseStatus } from '../../../types/api';

interface ResponseBannerProps {
  status: ResponseStatus;
  submittedAt: string | null;
  versionClosed: boolean;
  /** A delegate of the reply's member state (others only read it). */
  canWrite: boolean;
  state: string;
  /** Why the last save was refused as locked, when the status does not say it yet. */
  lockMessage: string | null;
}

/** Why the reply is read-only, or that it came back for changes. Nothing while it is an ordinary draft. */
export function ResponseBanner(props: ResponseBannerProps) {
  const banner = bannerOf(props);
  const ref = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  const text = banner?.text;
  // A banner that appears while the page is open (just submitted, locked by someone else) takes
  // the focus, so that keyboard and screen-reader users learn at once that editing has ended.
  useEffect(() => {
    if (!first.current && text) ref.current?.focus();
    first.current = false;
  }, [text]);
  if (!banner) return null;
  return (
    <div ref={ref} className={`notice response-banner ${banner.tone}`} role="status" tabIndex={-1}>
      {banner.text}
    </div>
  );
}

function bannerOf({ status, submittedAt, versionClosed, canWrite, state, lockMessage }: ResponseBannerProps): { text: string; tone: string } | null {
  if (!canWrite) return { text: `You are viewing ${state}’s reply. It is read-only.`, tone: '' };
  if (status === 'submitted') {
    const on = submittedAt ? ` on ${formatDate(submittedAt)}` : '';
    return { text: `Submitted${on} — read-only while the consultant reviews it.`, tone: 'notice--success' };
  }
  if (status === 'accepted') {
    return { text: 'Accepted — the reply is final and read-only. A consultant or an administrator can reopen it.', tone: 'notice--success' };
  }
  if (versionClosed) return { text: 'This questionnaire version is closed — the reply can no longer be changed.', tone: '' };
  if (lockMessage) return { text: `The reply can no longer be changed here: ${lockMessage}`, tone: 'notice--warning' };
  if (status === 'returned') {
    return {
      text: 'Returned for changes — the consultant sent the reply back. Change what is needed, then submit it again.',
      tone: 'notice--warning',
    };
  }
  return null;
}
