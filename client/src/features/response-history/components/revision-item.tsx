import { useId, useState } from 'react';
import type { ResponseTarget } from '../../../api/response-keys';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime } from '../../../lib/format-date';
import type { RevisionKind, RevisionSummary } from '../api/get-revisions';
import { fallbackLabels, type QuestionLabels } from './question-labels';
import { RevisionChanges } from './revision-changes';

export const KINDS: Record<RevisionKind, string> = {
  save: 'Saved',
  submit: 'Submitted',
  return: 'Returned',
  accept: 'Accepted',
  reopen: 'Reopened',
};

interface RevisionItemProps {
  response: ResponseTarget;
  revision: RevisionSummary;
  labels: ReadonlyMap<string, QuestionLabels>;
  /** 3 inside an editing session, whose own heading is a level 2. */
  headingLevel?: 2 | 3;
}

/** One revision: what made it, who and when, the status it left, and the questions it changed. */
export function RevisionItem({ response, revision, labels, headingLevel = 2 }: RevisionItemProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const [showChanges, setShowChanges] = useState(false);
  const headingId = useId();
  const changesId = useId();
  const { changed } = revision;
  return (
    <section className="revision" aria-labelledby={headingId}>
      <Heading id={headingId} className="revision__title">
        Revision {revision.revision}: {KINDS[revision.kind]}
      </Heading>
      <p className="revision__meta">
        <span>By {revision.author}</span>
        <time dateTime={revision.at}>{formatDateTime(revision.at)}</time>
        <span>
          Status after: <StatusBadge status={revision.status} />
        </span>
      </p>
      {changed.length === 0 ? (
        <p className="muted">No answers changed.</p>
      ) : (
        <>
          <p className="revision__changed-label">
            {changed.length === 1 ? 'Changed question:' : `${changed.length} changed questions:`}
          </p>
          {/* An explicit role: some screen readers drop the list semantics of an unstyled list. */}
          <ul role="list" className="revision__questions" aria-label={`Questions changed in revision ${revision.revision}`}>
            {changed.map((question) => (
              <li key={question}>{(labels.get(question) ?? fallbackLabels(question)).title}</li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={showChanges}
            aria-controls={showChanges ? changesId : undefined}
            onClick={() => setShowChanges((shown) => !shown)}
          >
            {showChanges ? 'Hide changes' : 'Show changes'}
            <span className="visually-hidden"> of revision {revision.revision}</span>
          </button>
          {showChanges && (
            <RevisionChanges id={changesId} response={response} revision={revision.revision} questions={changed} labels={labels} headingLevel={headingLevel === 2 ? 3 : 4} />
          )}
        </>
      )}
    </section>
  );
}
