import { useId, useMemo, useState } from 'react';
import { useSurveyVersion } from '../../../api/get-survey-version';
import { useCatalogue } from '../../../api/get-catalogue';
import { sectionTitles } from '../workbench/definition-locales';
import { filterGroups, questionGroups, type QuestionGroup } from '../workbench/question-groups';

interface QuestionPickerProps {
  surveyId: string;
  version: number;
  locale: string | null;
  /** The questions the table shows now. */
  chosen: readonly string[];
  onApply: (questions: string[]) => void;
}

/**
 * Any questions of the version, found by a search over titles, names and sections and ticked in
 * their sections. Ticking changes nothing until "Show these questions": the table (and the
 * page's address) changes once, not at every tick.
 */
export function QuestionPicker({ surveyId, version, locale, chosen, onApply }: QuestionPickerProps) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(chosen));
  const [search, setSearch] = useState('');
  const catalogue = useCatalogue(surveyId, version);
  const definition = useSurveyVersion(surveyId, version);
  const groups = useMemo(
    () => (catalogue.data ? questionGroups(catalogue.data.variables, sectionTitles(definition.data?.definition, locale), locale) : []),
    [catalogue.data, definition.data, locale],
  );
  const shown = useMemo(() => filterGroups(groups, search), [groups, search]);
  const searchId = useId();
  const matches = shown.reduce((sum, group) => sum + group.questions.length, 0);

  const toggle = (name: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(name);
    else next.delete(name);
    setTicked(next);
  };
  // In questionnaire order, whatever order they were ticked in.
  const inOrder = () => groups.flatMap((group) => group.questions.map((question) => question.name)).filter((name) => ticked.has(name));

  return (
    <details className="question-picker" open={chosen.length > 0 || undefined}>
      <summary className="question-picker__summary">
        Or choose questions{chosen.length > 0 && ` (${chosen.length} shown)`}
      </summary>
      <div className="question-picker__body">
        {catalogue.isPending && <p role="status">Loading the questions…</p>}
        {catalogue.isError && (
          <p className="field__error" role="alert">
            The questions could not be loaded. {catalogue.error.message}
          </p>
        )}
        {catalogue.data && (
          <>
            <div className="field question-picker__search">
              <label className="field__label" htmlFor={searchId}>
                Find a question
              </label>
              <input id={searchId} className="input" type="search" value={search} onChange={(event) => setSearch(event.target.value)} autoComplete="off" />
              <p className="field__hint" role="status">
                {search.trim() ? `${matches} ${matches === 1 ? 'question matches' : 'questions match'}` : `${matches} questions in ${groups.length} sections`}
                {ticked.size > 0 && ` · ${ticked.size} ticked`}
              </p>
              <p className="field__hint">Personal data (the contact details) is never compared, and not offered here.</p>
            </div>
            <div className="question-picker__groups">
              {shown.map((group) => (
                <PickerGroup key={group.section} group={group} ticked={ticked} onToggle={toggle} />
              ))}
            </div>
            <div className="button-row">
              <button type="button" className="button" disabled={ticked.size === 0} onClick={() => onApply(inOrder())}>
                Show these questions
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={ticked.size === 0}
                onClick={() => setTicked(new Set())}
              >
                Untick all
              </button>
            </div>
          </>
        )}
      </div>
    </details>
  );
}

function PickerGroup({ group, ticked, onToggle }: { group: QuestionGroup; ticked: ReadonlySet<string>; onToggle: (name: string, on: boolean) => void }) {
  return (
    <fieldset className="question-picker__group">
      <legend className="question-picker__legend">{group.title}</legend>
      <ul className="question-picker__list">
        {group.questions.map((question) => (
          <li key={question.name}>
            <label className="choice">
              <input type="checkbox" checked={ticked.has(question.name)} onChange={(event) => onToggle(question.name, event.target.checked)} />
              <span>
                {question.title} <code className="question-picker__name">{question.name}</code>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
