import { useId } from 'react';
import { useSurveyVersion } from '../../../api/get-survey-version';
import type { Survey } from '../../../types/api';
import type { CountableStatus } from '../api/analysis-filter';
import { definitionLocales } from '../workbench/definition-locales';
import { shownVersion, versionLabel, type ResolvedWorkbench } from '../workbench/resolve-workbench';
import type { WorkbenchState } from '../workbench/workbench-state';
import { ColumnControls } from './column-controls';
import { StatusFilter } from './status-filter';

interface WorkbenchControlsProps {
  state: WorkbenchState;
  workbench: ResolvedWorkbench;
  surveys: Survey[];
  onChange: (next: Partial<WorkbenchState>) => void;
}

/** What to compare: questionnaire, version or rounds, columns, and which replies count for whom. */
export function WorkbenchControls({ state, workbench, surveys, onChange }: WorkbenchControlsProps) {
  const headingId = useId();
  const { survey, versions, rounds } = workbench;
  const version = shownVersion(workbench);
  return (
    <section className="workbench-controls" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        What to compare
      </h2>
      <div className="workbench-controls__row">
        <SelectField
          label="Questionnaire"
          value={survey.id}
          options={surveys.filter((candidate) => candidate.versions.length > 0).map((candidate) => ({ value: candidate.id, label: candidate.title }))}
          onChange={(surveyId) => onChange({ surveyId, rounds: { kind: 'one', version: null }, selection: { kind: 'none' }, locale: null, focus: null })}
        />
        <RoundsChoice state={state} workbench={workbench} onChange={onChange} />
        <div className="workbench-controls__versions">
          {rounds.kind === 'one' ? (
            <SelectField
              label="Version"
              value={String(rounds.version.version)}
              options={versions.map((version) => ({ value: String(version.version), label: versionLabel(version) }))}
              onChange={(version) => onChange({ rounds: { kind: 'one', version: Number(version) } })}
            />
          ) : (
            <>
              <SelectField
                label="Earlier round"
                value={String(rounds.from.version)}
                options={versions.slice(0, -1).map((version) => ({ value: String(version.version), label: versionLabel(version) }))}
                onChange={(from) => onChange({ rounds: { kind: 'two', from: Number(from), to: Math.max(rounds.to.version, Number(from) + 1) } })}
              />
              <SelectField
                label="Later round"
                value={String(rounds.to.version)}
                options={versions
                  .filter((version) => version.version > rounds.from.version)
                  .map((version) => ({ value: String(version.version), label: versionLabel(version) }))}
                onChange={(to) => onChange({ rounds: { kind: 'two', from: rounds.from.version, to: Number(to) } })}
              />
            </>
          )}
        </div>
      </div>
      <ColumnControls
        surveyId={survey.id}
        version={version.version}
        selection={state.selection}
        locale={state.locale}
        onChange={(selection) => onChange({ selection, focus: null })}
      />
      <div className="workbench-controls__row">
        <StatusFilter statuses={state.statuses} onChange={(statuses: readonly CountableStatus[]) => onChange({ statuses })} />
        <LocaleField surveyId={survey.id} version={version.version} locale={state.locale} onChange={(locale) => onChange({ locale })} />
        <PublicationSwitch checked={state.audience === 'publication'} onChange={(on) => onChange({ audience: on ? 'publication' : 'analysis' })} />
      </div>
    </section>
  );
}

function RoundsChoice({ state, workbench, onChange }: Omit<WorkbenchControlsProps, 'surveys'>) {
  const hintId = useId();
  const { versions, rounds, latest } = workbench;
  const canPair = versions.length >= 2;
  return (
    <fieldset className="field workbench-controls__rounds" aria-describedby={canPair ? undefined : hintId}>
      <legend className="field__label">Compare</legend>
      <label className="choice">
        <input
          type="radio"
          name="rounds"
          checked={rounds.kind === 'one'}
          onChange={() => onChange({ rounds: { kind: 'one', version: state.rounds.kind === 'two' ? state.rounds.to : latest.version } })}
        />
        One version
      </label>
      <label className="choice">
        <input
          type="radio"
          name="rounds"
          checked={rounds.kind === 'two'}
          disabled={!canPair}
          onChange={() => {
            const to = rounds.kind === 'one' && rounds.version.version > versions[0]!.version ? rounds.version : latest;
            const from = versions[versions.indexOf(to) - 1]!;
            onChange({ rounds: { kind: 'two', from: from.version, to: to.version } });
          }}
        />
        Two rounds side by side
      </label>
      {!canPair && (
        <p id={hintId} className="field__hint">
          This questionnaire has one version so far.
        </p>
      )}
    </fieldset>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}

function SelectField({ label, value, options, onChange }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** The language of titles and labels, when the definition is translated; nothing otherwise. */
function LocaleField({ surveyId, version, locale, onChange }: { surveyId: string; version: number; locale: string | null; onChange: (locale: string | null) => void }) {
  const definition = useSurveyVersion(surveyId, version);
  const locales = definition.data ? definitionLocales(definition.data.definition) : [];
  if (locales.length === 0) return null;
  return (
    <SelectField
      label="Language"
      value={locale ?? ''}
      options={[{ value: '', label: 'The questionnaire’s own' }, ...locales.map((code) => ({ value: code, label: nameOf(code) }))]}
      onChange={(value) => onChange(value || null)}
    />
  );
}

function nameOf(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

function PublicationSwitch({ checked, onChange }: { checked: boolean; onChange: (on: boolean) => void }) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field workbench-controls__publication">
      <span className="switch">
        <input id={id} type="checkbox" role="switch" className="switch__input" checked={checked} aria-describedby={hintId} onChange={(event) => onChange(event.target.checked)} />
        <label className="field__label" htmlFor={id}>
          For publication
        </label>
      </span>
      <p id={hintId} className="field__hint">
        States that asked for anonymity appear as “State A”, “State B”…; states that refused publication are left out; personal data is always out. Counts stay whole.
      </p>
    </div>
  );
}
