import { isAnswered } from '@core/answered';
import { ENTRY, type QuestionLabels } from './question-labels';

interface AnswerValueProps {
  value: unknown;
  labels: QuestionLabels;
  /** Where the value sits below its question, entries written `{n}` (see `QuestionLabels`). */
  path?: readonly string[];
}

/**
 * An answer as a person reads it: choice labels instead of codes, a list of choices joined, a
 * matrix or a panel as a small nested list, nothing as a dash.
 */
export function AnswerValue({ value, labels, path = [] }: AnswerValueProps) {
  if (!isAnswered(value)) return <NoAnswer />;
  if (Array.isArray(value)) {
    if (value.every(isPlain)) return <>{value.map((item) => plainText(item, labels, path)).join(', ')}</>;
    return (
      <ol className="answer-value">
        {value.map((entry, index) => (
          <li key={index}>
            Entry {index + 1}: <AnswerValue value={entry} labels={labels} path={[...path, ENTRY]} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object' && value !== null) {
    return (
      <ul className="answer-value">
        {Object.entries(value).map(([key, part]) => (
          <li key={key}>
            {labels.parts.get([...path, key].join('.')) ?? key}: <AnswerValue value={part} labels={labels} path={[...path, key]} />
          </li>
        ))}
      </ul>
    );
  }
  return <>{plainText(value, labels, path)}</>;
}

function NoAnswer() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">no answer</span>
    </>
  );
}

type Plain = string | number | boolean;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function plainText(value: unknown, labels: QuestionLabels, path: readonly string[]): string {
  const choices = labels.choices.get(path.join('.'));
  // The catalogue codes a yes/no question's answers as 1 and 0.
  const code = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  const label = choices?.get(String(value)) ?? choices?.get(code);
  if (label !== undefined) return label;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return isPlain(value) ? String(value) : JSON.stringify(value);
}
