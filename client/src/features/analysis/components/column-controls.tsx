import { useId } from 'react';
import { useTables } from '../api/get-tables';
import type { Selection } from '../workbench/workbench-state';
import { QuestionPicker } from './question-picker';

interface ColumnControlsProps {
  surveyId: string;
  /** The version whose questions the picker lists (the later one of two rounds). */
  version: number;
  selection: Selection;
  locale: string | null;
  onChange: (selection: Selection) => void;
}

/** The table's columns: a named table of the assessment study, or questions chosen one by one. */
export function ColumnControls({ surveyId, version, selection, locale, onChange }: ColumnControlsProps) {
  return (
    <div className="workbench-controls__columns">
      <NamedTableField surveyId={surveyId} selection={selection} onChange={onChange} />
      <QuestionPicker
        key={`${surveyId}-${version}`}
        surveyId={surveyId}
        version={version}
        locale={locale}
        chosen={selection.kind === 'questions' ? selection.questions : []}
        onApply={(questions) => onChange(questions.length > 0 ? { kind: 'questions', questions } : { kind: 'none' })}
      />
    </div>
  );
}

function NamedTableField({ surveyId, selection, onChange }: Omit<ColumnControlsProps, 'version' | 'locale'>) {
  const id = useId();
  const hintId = useId();
  const tables = useTables(surveyId);
  const current = selection.kind === 'table' ? selection.table : '';
  const chosen = tables.data?.tables.find((table) => table.id === current);
  return (
    <div className="field workbench-controls__table">
      <label className="field__label" htmlFor={id}>
        Named table
      </label>
      <select
        id={id}
        className="select"
        value={current}
        disabled={!tables.data}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value ? { kind: 'table', table: event.target.value } : { kind: 'none' })}
      >
        <option value="">{tables.isPending ? 'Loading the tables…' : '— Choose a table —'}</option>
        {tables.data?.tables.map((table) => (
          <option key={table.id} value={table.id}>
            {table.title}
          </option>
        ))}
        {/* A link may name a table the list does not have: keep it shown, the server will say. */}
        {current && tables.data && !chosen && <option value={current}>{current}</option>}
      </select>
      <p id={hintId} className="field__hint">
        {tables.isError ? 'The named tables could not be loaded; you can still choose questions.' : 'The tables of the assessment study.'}
      </p>
    </div>
  );
}
