import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useCatalogue } from '../../../api/get-catalogue';
import type { ResponseTarget } from '../../../api/response-keys';
import { queryView } from '../../../components/feedback/query-view';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import { formatDate, formatDateTime } from '../../../lib/format-date';
import type { EditingSession, Milestone } from '../api/get-history';
import { useRevisions } from '../api/get-revisions';
import { labelsByQuestion } from './question-labels';
import { KINDS, RevisionItem } from './revision-item';

interface SessionListProps {
  response: ResponseTarget;
  /** Newest first, as the API gives them. */
  items: readonly (EditingSession | Milestone)[];
  latestRevision: number;
}

/** Editing sessions and milestones, newest first. */
export function SessionList({ response, items, latestRevision }: SessionListProps) {
  return (
    <ol role="list" className="revision-list" aria-label="Editing sessions and status changes, newest first">
      {items.map((item) => (
        <li key={item.type === 'session' ? `s${item.firstRevision}` : `m${item.revision}`}>
          {item.type === 'session' ? (
            <SessionItem response={response} session={item} />
          ) : (
            <MilestoneItem response={response} milestone={item} latestRevision={latestRevision} />
          )}
        </li>
      ))}
    </ol>
  );
}

function SessionItem({ response, session }: { response: ResponseTarget; session: EditingSession }) {
  const [expanded, setExpanded] = useState(false);
  const headingId = useId();
  const savesId = useId();
  const range = session.firstRevision === session.lastRevision ? `revision ${session.firstRevision}` : `revisions ${session.firstRevision}–${session.lastRevision}`;
  const saves = session.saves === 1 ? '1 save' : `${session.saves} saves`;
  return (
    <section className="revision session" aria-labelledby={headingId}>
      <h2 id={headingId} className="revision__title">
        {session.author} edited the reply
      </h2>
      <p className="revision__meta">
        <TimeSpan from={session.from} to={session.to} />
        <span>
          {saves}, {range}
        </span>
      </p>
      {session.questions.length === 0 ? <p className="muted">No answers changed.</p> : <ChangedQuestions questions={session.questions} range={range} />}
      <button
        type="button"
        className="button button--secondary button--small"
        aria-expanded={expanded}
        aria-controls={expanded ? savesId : undefined}
        onClick={() => setExpanded((shown) => !shown)}
      >
        {expanded ? 'Hide the saves' : `Show the ${saves}`}
        <span className="visually-hidden"> of {range}</span>
      </button>
      {expanded && <SessionSaves id={savesId} response={response} session={session} />}
    </section>
  );
}

const timeOfDay = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "3 December 2026 at 10:35 – 11:20"; the day again only when the session ran past midnight. */
function TimeSpan({ from, to }: { from: string; to: string }) {
  const start = formatDateTime(from);
  const end = formatDateTime(to);
  if (start === end) return <time dateTime={from}>{start}</time>;
  return (
    <span>
      <time dateTime={from}>{start}</time> – <time dateTime={to}>{formatDate(from) === formatDate(to) ? timeOfDay.format(new Date(to)) : end}</time>
    </span>
  );
}

/** Beyond this many, the questions fold away: a first sitting may change sixty of them. */
const QUESTIONS_SHOWN = 8;

function ChangedQuestions({ questions, range }: { questions: EditingSession['questions']; range: string }) {
  const list = (
    <ul role="list" className="revision__questions" aria-label={`Questions changed in ${range}`}>
      {questions.map((question) => (
        <li key={question.question}>{question.title}</li>
      ))}
    </ul>
  );
  if (questions.length <= QUESTIONS_SHOWN) {
    return (
      <>
        <p className="revision__changed-label">{questions.length === 1 ? 'Changed question:' : `${questions.length} changed questions:`}</p>
        {list}
      </>
    );
  }
  return (
    <details className="session__all-questions">
      <summary>{questions.length} changed questions</summary>
      {list}
    </details>
  );
}

/** The session's own revisions, each as the per-revision history shows it. */
function SessionSaves({ id, response, session }: { id: string; response: ResponseTarget; session: EditingSession }) {
  const revisions = useRevisions(response);
  const catalogue = useCatalogue(response.surveyId, response.version);
  const labels = useMemo(() => labelsByQuestion(catalogue.data?.variables ?? []), [catalogue.data]);
  const view = queryView(revisions, { loading: 'Loading the saves…', errorTitle: 'The saves could not be loaded' });
  if ('element' in view) return <div id={id}>{view.element}</div>;
  const own = view.data.filter((revision) => revision.revision >= session.firstRevision && revision.revision <= session.lastRevision).reverse();
  return (
    <ol id={id} role="list" className="revision-list session__saves" aria-label={`Saves of revisions ${session.firstRevision}–${session.lastRevision}, newest first`}>
      {own.map((revision) => (
        <li key={revision.revision}>
          <RevisionItem response={response} revision={revision} labels={labels} headingLevel={3} />
        </li>
      ))}
    </ol>
  );
}

function MilestoneItem({ response, milestone, latestRevision }: { response: ResponseTarget; milestone: Milestone; latestRevision: number }) {
  const headingId = useId();
  const { surveyId, version, state } = response;
  const since = new URLSearchParams({ from: String(milestone.revision), to: String(latestRevision) });
  return (
    <section className="revision milestone" aria-labelledby={headingId}>
      <h2 id={headingId} className="revision__title">
        Revision {milestone.revision}: {KINDS[milestone.kind]}
      </h2>
      <p className="revision__meta">
        <span>By {milestone.author}</span>
        <time dateTime={milestone.at}>{formatDateTime(milestone.at)}</time>
        <span>
          Status after: <StatusBadge status={milestone.status} />
        </span>
        {milestone.revision < latestRevision && (
          <Link to={paths.responseCompare.getHref(surveyId, version, state, since)}>
            What changed since<span className="visually-hidden"> revision {milestone.revision}</span>
          </Link>
        )}
      </p>
    </section>
  );
}
