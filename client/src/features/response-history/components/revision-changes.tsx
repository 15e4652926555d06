import { isAnswered } from '@core/answered';
import { commentKey } from '@core/data-keys';
import type { ResponseTarget } from '../../../api/response-keys';
import { queryView } from '../../../components/feedback/query-view';
import { useRevision, type RevisionData } from '../api/get-revision';
import { AnswerValue } from './answer-value';
import { fallbackLabels, type QuestionLabels } from './question-labels';

interface RevisionChangesProps {
  id: string;
  response: ResponseTarget;
  revision: number;
  /** The questions this revision changed. */
  questions: readonly string[];
  labels: ReadonlyMap<string, QuestionLabels>;
  /** One below the revision's own heading. */
  headingLevel?: 3 | 4;
}

/** Question by question, the answer before this revision and after it. */
export function RevisionChanges({ id, response, revision, questions, labels, headingLevel = 3 }: RevisionChangesProps) {
  const after = useRevision(response, revision);
  // Before the first revision there were no answers at all.
  const before = useRevision(response, revision - 1, { enabled: revision > 1 });
  const texts = { loading: `Loading the changes of revision ${revision}…`, errorTitle: 'The changes could not be loaded' };

  const afterView = queryView(after, texts);
  if ('element' in afterView) return <div id={id}>{afterView.element}</div>;
  let beforeData: RevisionData['data'] = {};
  if (revision > 1) {
    const beforeView = queryView(before, texts);
    if ('element' in beforeView) return <div id={id}>{beforeView.element}</div>;
    beforeData = beforeView.data.data;
  }

  return (
    <ul id={id} role="list" className="answer-changes" aria-label={`Changes of revision ${revision}`}>
      {questions.map((question) => (
        <QuestionChange
          key={question}
          question={question}
          labels={labels.get(question) ?? fallbackLabels(question)}
          before={beforeData}
          after={afterView.data.data}
          headingLevel={headingLevel}
        />
      ))}
    </ul>
  );
}

interface QuestionChangeProps {
  question: string;
  labels: QuestionLabels;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  headingLevel: 3 | 4;
}

function QuestionChange({ question, labels, before, after, headingLevel }: QuestionChangeProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  // The "other" text or the comment beside an answer is kept under its own key; show it when it changed.
  const comment = commentKey(question);
  const commentChanged = !sameValue(before[comment], after[comment]);
  return (
    <li className="answer-change">
      <Heading className="answer-change__title">{labels.title}</Heading>
      <BeforeAfter before={before[question]} after={after[question]} labels={labels} />
      {commentChanged && (
        <>
          <p className="answer-change__part">{labels.commentTitle}</p>
          <BeforeAfter before={before[comment]} after={after[comment]} labels={fallbackLabels(comment)} />
        </>
      )}
    </li>
  );
}

function BeforeAfter({ before, after, labels }: { before: unknown; after: unknown; labels: QuestionLabels }) {
  return (
    <dl className="before-after">
      <div className="before-after__side">
        <dt>Before</dt>
        <dd>
          <AnswerValue value={before} labels={labels} />
        </dd>
      </div>
      <div className="before-after__side">
        <dt>After</dt>
        <dd>
          <AnswerValue value={after} labels={labels} />
        </dd>
      </div>
    </dl>
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (!isAnswered(a) && !isAnswered(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
