import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { ResponseTarget } from '../../../api/response-keys';
import { EmptyState } from '../../../components/feedback/empty-state';
import { queryView } from '../../../components/feedback/query-view';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-date';
import type { CompareRequest } from '../api/get-comparison';
import { useRevisions, type RevisionSummary } from '../api/get-revisions';
import { ComparisonView } from './comparison-view';
import { HistoryFrame } from './history-frame';
import { KINDS } from './revision-item';

/** Any two revisions of a reply side by side, question by question. */
export function ComparePage(response: ResponseTarget) {
  const { surveyId, version, state } = response;
  return (
    <HistoryFrame
      response={response}
      what="Compare revisions"
      back={{ href: paths.responseHistory.getHref(surveyId, version, state), label: 'Back to the history' }}
      lead={(stateName) => `Two revisions of ${stateName}'s reply side by side, question by question, in the questionnaire's words.`}
    >
      <Compare response={response} />
    </HistoryFrame>
  );
}

function Compare({ response }: { response: ResponseTarget }) {
  const revisions = useRevisions(response);
  const [search, setSearch] = useSearchParams();
  if (revisions.isError && isApiError(revisions.error) && revisions.error.status === 404) {
    return <EmptyState title="Not found">There is no such questionnaire version or member state, or its reply is not yours to read.</EmptyState>;
  }
  const view = queryView(revisions, {
    loading: 'Loading the revisions…',
    errorTitle: 'The revisions could not be loaded',
    empty: { title: 'No revisions yet', body: 'Nothing has been saved in this reply so far, so there is nothing to compare.' },
  });
  if ('element' in view) return view.element;
  const all = view.data;
  const latest = all.at(-1)!.revision;
  const request = requestFrom(search, latest);
  const choose = (next: CompareRequest) =>
    setSearch(new URLSearchParams({ from: String(next.from), to: String(next.to), ...(next.all ? { all: 'true' } : {}) }));

  return (
    <>
      <QuickChoices revisions={all} current={request} onChoose={choose} />
      {/* Keyed by the request, so that the fields show a choice made by a link or a quick choice. */}
      <RevisionPicker key={`${request.from}-${request.to}-${request.all}`} revisions={all} current={request} onChoose={choose} />
      {request.from > request.to ? (
        <p className="form-alert" role="alert">
          The first revision must come before the second one (or be the same). Choose again.
        </p>
      ) : (
        <ComparisonView response={response} request={request} />
      )}
    </>
  );
}

/** The query's revisions; by default the latest revision and the one before it. */
function requestFrom(search: URLSearchParams, latest: number): CompareRequest {
  const number = (raw: string | null, fallback: number) => (raw !== null && /^[0-9]{1,9}$/.test(raw) ? Number(raw) : fallback);
  return { from: number(search.get('from'), latest - 1), to: number(search.get('to'), latest), all: search.get('all') === 'true' };
}

/** "Since it was returned" and "since it was last submitted": what a reviewer asks most. */
function QuickChoices({ revisions, current, onChoose }: { revisions: readonly RevisionSummary[]; current: CompareRequest; onChoose: (request: CompareRequest) => void }) {
  const latest = revisions.at(-1)!.revision;
  const lastOf = (kind: RevisionSummary['kind']) => revisions.findLast((revision) => revision.kind === kind)?.revision;
  const returned = lastOf('return');
  const submitted = lastOf('submit');
  const choices = [
    { label: 'Since it was returned', from: returned, missing: 'It has not been returned.' },
    { label: 'Since it was last submitted', from: submitted, missing: 'It has not been submitted.' },
  ];
  return (
    <div className="quick-compare" role="group" aria-label="Quick comparisons">
      {choices.map((choice) =>
        choice.from === undefined ? (
          <p key={choice.label} className="muted">
            {choice.missing}
          </p>
        ) : (
          <button
            key={choice.label}
            type="button"
            className="button button--secondary"
            aria-pressed={current.from === choice.from && current.to === latest}
            onClick={() => onChoose({ from: choice.from!, to: latest, all: current.all })}
          >
            {choice.label} <span className="quick-compare__range">(revision {choice.from} → {latest})</span>
          </button>
        ),
      )}
    </div>
  );
}

function RevisionPicker({ revisions, current, onChoose }: { revisions: readonly RevisionSummary[]; current: CompareRequest; onChoose: (request: CompareRequest) => void }) {
  const [from, setFrom] = useState(String(current.from));
  const [to, setTo] = useState(String(current.to));
  const [all, setAll] = useState(current.all);
  const fromId = useId();
  const toId = useId();
  const allId = useId();
  const newestFirst = [...revisions].reverse();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChoose({ from: Number(from), to: Number(to), all });
  };
  return (
    <form className="form form--inline compare-form" onSubmit={submit} aria-label="Choose two revisions">
      <div className="field">
        <label className="field__label" htmlFor={fromId}>
          From
        </label>
        <select id={fromId} className="select" value={from} onChange={(event) => setFrom(event.target.value)}>
          {newestFirst.map((revision) => (
            <option key={revision.revision} value={revision.revision}>
              {optionText(revision)}
            </option>
          ))}
          <option value="0">Revision 0: before the first save</option>
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={toId}>
          To
        </label>
        <select id={toId} className="select" value={to} onChange={(event) => setTo(event.target.value)}>
          {newestFirst.map((revision) => (
            <option key={revision.revision} value={revision.revision}>
              {optionText(revision)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--checkbox">
        {/* Applies at once, with the revisions as chosen: it changes what is shown, not what is compared. */}
        <input
          id={allId}
          type="checkbox"
          checked={all}
          onChange={(event) => {
            setAll(event.target.checked);
            onChoose({ from: Number(from), to: Number(to), all: event.target.checked });
          }}
        />
        <label htmlFor={allId}>Show unchanged questions too</label>
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          Compare
        </button>
      </div>
    </form>
  );
}

function optionText(revision: RevisionSummary): string {
  return `Revision ${revision.revision}: ${KINDS[revision.kind]} by ${revision.author}, ${formatDateTime(revision.at)}`;
}
