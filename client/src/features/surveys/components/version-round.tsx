import { ConfirmAction } from '../../../components/confirm-action';
import type { ResponseStatus, SurveyVersionSummary } from '../../../types/api';
import { useResponses } from '../api/get-responses';
import { useSetVersionStatus } from '../api/set-version-status';
import './version-admin.css';

interface VersionRoundProps {
  surveyId: string;
  surveyTitle: string;
  version: SurveyVersionSummary;
}

/** An administrator's hold on one version's round: how many replies it has, and opening or closing it. */
export function VersionRound({ surveyId, surveyTitle, version }: VersionRoundProps) {
  const setStatus = useSetVersionStatus(surveyId, version.version);
  const name = `${surveyTitle}, version ${version.version}`;
  return (
    <div className="version-round">
      <ReplyCount surveyId={surveyId} version={version.version} />
      {version.status === 'open' ? (
        <ConfirmAction
          question={
            <>
              Close the round of {name}? Delegates can then no longer change or submit their replies to it: what they have saved
              stays, replies already submitted can still be reviewed, and you can open the round again.
            </>
          }
          confirmLabel="Close the round"
          pendingLabel="Closing…"
          destructive
          onConfirm={() => setStatus.mutateAsync('closed')}
        >
          Close the round<span className="visually-hidden"> of {name}</span>
        </ConfirmAction>
      ) : (
        <ConfirmAction
          question={<>Open the round of {name} again? Delegates can then change and submit their replies to it.</>}
          confirmLabel="Open the round"
          pendingLabel="Opening…"
          onConfirm={() => setStatus.mutateAsync('open')}
        >
          Open the round<span className="visually-hidden"> of {name}</span>
        </ConfirmAction>
      )}
    </div>
  );
}

const ORDER: readonly Exclude<ResponseStatus, 'not_started'>[] = ['draft', 'submitted', 'returned', 'accepted'];
const WORDS: Record<Exclude<ResponseStatus, 'not_started'>, string> = { draft: 'draft', submitted: 'submitted', returned: 'returned', accepted: 'accepted' };

/** "7 replies: 2 draft, 3 submitted, 2 accepted" — a reply counts once anything of it is saved. */
function ReplyCount({ surveyId, version }: { surveyId: string; version: number }) {
  const responses = useResponses(surveyId, version);
  if (!responses.data) return <span className="muted">{responses.isError ? 'Replies could not be counted' : 'Counting the replies…'}</span>;
  const started = responses.data.filter((response) => response.status !== 'not_started');
  if (started.length === 0) return <span>No replies yet</span>;
  const parts = ORDER.map((status) => [status, started.filter((r) => r.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${WORDS[status]}`);
  return (
    <span>
      {started.length === 1 ? '1 reply' : `${started.length} replies`}: {parts.join(', ')}
    </span>
  );
}
