import type { ResponseTarget } from '../../../api/response-keys';
import type { RevisionSummary } from '../api/get-revisions';
import type { QuestionLabels } from './question-labels';
import { RevisionItem } from './revision-item';

interface RevisionListProps {
  response: ResponseTarget;
  /** Oldest first, as the API gives them. */
  revisions: readonly RevisionSummary[];
  labels: ReadonlyMap<string, QuestionLabels>;
}

/** The revisions of a reply, newest first: the latest change is what a reader looks for. */
export function RevisionList({ response, revisions, labels }: RevisionListProps) {
  const newestFirst = [...revisions].reverse();
  return (
    <ol role="list" className="revision-list" aria-label="Revisions, newest first">
      {newestFirst.map((revision) => (
        <li key={revision.revision}>
          <RevisionItem response={response} revision={revision} labels={labels} />
        </li>
      ))}
    </ol>
  );
}
