import type { ResponseTarget } from '../../../api/response-keys';
import { queryView } from '../../../components/feedback/query-view';
import { formatDateTime } from '../../../lib/format-date';
import { useComparison, type AnswerPartDiff, type CompareRequest, type QuestionDiff, type RevisionInfo } from '../api/get-comparison';
import { KINDS } from './revision-item';

/** The comparison's questions by section, each with the two revisions' answers side by side. */
export function ComparisonView({ response, request }: { response: ResponseTarget; request: CompareRequest }) {
  const comparison = useComparison(response, request);
  const view = queryView(comparison, { loading: 'Comparing the revisions…', errorTitle: 'The revisions could not be compared' });
  if ('element' in view) return view.element;
  const { from, to, changedCount, questions } = view.data;
  const fromName = from ? revisionName(from) : 'revision 0 (before the first save)';
  const sections = bySection(questions);
  return (
    <section className="comparison" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading" className="visually-hidden">
        Comparison
      </h2>
      <p className="comparison__summary" role="status">
        {changedCount === 0 ? 'No question changed' : changedCount === 1 ? '1 question changed' : `${changedCount} questions changed`} from {fromName} to{' '}
        {revisionName(to)}.{request.all && ` All ${questions.length} questions are shown.`}
      </p>
      {sections.map(({ title, questions: inSection }) => (
        <section key={title} className="comparison__section" aria-label={title}>
          <h3 className="comparison__section-title">{title}</h3>
          <ol role="list" className="comparison__questions">
            {inSection.map((question) => (
              <li key={question.question}>
                <QuestionComparison question={question} fromLabel={from ? `Revision ${from.revision}` : 'Revision 0'} toLabel={`Revision ${to.revision}`} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

function revisionName(revision: RevisionInfo): string {
  return `revision ${revision.revision} (${KINDS[revision.kind].toLowerCase()} by ${revision.author}, ${formatDateTime(revision.at)})`;
}

function bySection(questions: readonly QuestionDiff[]): { title: string; questions: QuestionDiff[] }[] {
  const sections: { title: string; questions: QuestionDiff[] }[] = [];
  for (const question of questions) {
    const last = sections.at(-1);
    if (last && last.title === question.sectionTitle) last.questions.push(question);
    else sections.push({ title: question.sectionTitle, questions: [question] });
  }
  return sections;
}

/** One question: a row per part, the old answer beside the new one, the changed parts marked. */
function QuestionComparison({ question, fromLabel, toLabel }: { question: QuestionDiff; fromLabel: string; toLabel: string }) {
  const parts = question.parts;
  return (
    <article className={`question-diff${question.changed ? ' question-diff--changed' : ''}`} aria-label={question.title}>
      <h4 className="question-diff__title">
        {question.title}
        {question.changed && <span className="question-diff__flag">Changed</span>}
      </h4>
      <table className="question-diff__table">
        <caption className="visually-hidden">
          {question.title}: {fromLabel} and {toLabel}
        </caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{fromLabel}</th>
            <th scope="col">{toLabel}</th>
          </tr>
        </thead>
        <tbody>
          {parts.length === 0 ? (
            <tr>
              <th scope="row" className="visually-hidden">
                Answer
              </th>
              <td>
                <NoAnswer />
              </td>
              <td>
                <NoAnswer />
              </td>
            </tr>
          ) : (
            parts.map((part, index) => <PartRow key={`${part.label ?? ''}-${index}`} part={part} />)
          )}
        </tbody>
      </table>
    </article>
  );
}

function PartRow({ part }: { part: AnswerPartDiff }) {
  const note = part.entry === 'added' ? ' (added)' : part.entry === 'removed' ? ' (removed)' : part.changed ? ' (changed)' : '';
  return (
    <tr className={part.changed ? 'part-diff part-diff--changed' : 'part-diff'}>
      <th scope="row" className={part.label === null ? 'part-diff__label part-diff__label--whole' : 'part-diff__label'}>
        {part.label ?? 'Answer'}
        {note && <span className="visually-hidden">{note}</span>}
      </th>
      <td className="part-diff__old">{part.old === null ? <NoAnswer /> : part.old}</td>
      <td className="part-diff__new">{part.new === null ? <NoAnswer /> : part.new}</td>
    </tr>
  );
}

function NoAnswer() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">no answer</span>
    </>
  );
}
