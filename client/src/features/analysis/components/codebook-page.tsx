import { Fragment, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSurveys } from '../../../api/get-surveys';
import { EmptyState } from '../../../components/feedback/empty-state';
import { queryView } from '../../../components/feedback/query-view';
import { Page } from '../../../components/layout/page';
import { paths } from '../../../config/paths';
import type { Survey } from '../../../types/api';
import { withParams } from '../api/analysis-filter';
import { versionPath, type VersionRef } from '../api/analysis-paths';
import { useCodebook, type CodebookVariable } from '../api/get-codebook';
import { readWorkbenchState } from '../workbench/workbench-state';
import { resolveWorkbench, shownVersion, versionLabel } from '../workbench/resolve-workbench';
import { filterCodebook } from '../workbench/filter-codebook';
import './analysis.css';

/** Every variable of a version: question text, section, type, codes and labels, personal-data mark. */
export function CodebookPage() {
  const surveys = useSurveys();
  const view = queryView(surveys, { loading: 'Loading the questionnaires…', errorTitle: 'The questionnaires could not be loaded' });
  return (
    <Page
      title="Codebook"
      before={
        <p className="back-link">
          <Link to={paths.analysis.getHref()}>Back to the analysis</Link>
        </p>
      }
      lead="Every variable of a questionnaire version — one per column of the wide CSV — with its question, section, type, and the codes its cells hold with their labels."
    >
      {'element' in view ? view.element : <CodebookOf surveys={view.data} />}
    </Page>
  );
}

function CodebookOf({ surveys }: { surveys: Survey[] }) {
  const [search, setSearch] = useSearchParams();
  const state = readWorkbenchState(search);
  const workbench = resolveWorkbench(state, surveys);
  const surveyId = useId();
  const versionId = useId();
  if (!workbench) return <EmptyState title="No questionnaire yet">A codebook appears as soon as an administrator publishes a version.</EmptyState>;
  const version = shownVersion(workbench);
  const ref = { surveyId: workbench.survey.id, version: version.version };
  const choose = (survey: string, chosenVersion: number | null) => {
    const next = new URLSearchParams({ survey });
    if (chosenVersion !== null) next.set('version', String(chosenVersion));
    setSearch(next);
  };
  return (
    <>
      <div className="workbench-controls workbench-controls__row">
        <div className="field">
          <label className="field__label" htmlFor={surveyId}>
            Questionnaire
          </label>
          <select id={surveyId} className="select" value={ref.surveyId} onChange={(event) => choose(event.target.value, null)}>
            {surveys
              .filter((survey) => survey.versions.length > 0)
              .map((survey) => (
                <option key={survey.id} value={survey.id}>
                  {survey.title}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={versionId}>
            Version
          </label>
          <select id={versionId} className="select" value={String(ref.version)} onChange={(event) => choose(ref.surveyId, Number(event.target.value))}>
            {workbench.versions.map((candidate) => (
              <option key={candidate.version} value={candidate.version}>
                {versionLabel(candidate)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <CodebookTable key={`${ref.surveyId}-${ref.version}`} versionRef={ref} locale={state.locale} />
    </>
  );
}

function CodebookTable({ versionRef, locale }: { versionRef: VersionRef; locale: string | null }) {
  const codebook = useCodebook(versionRef, locale);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const shown = useMemo(() => (codebook.data ? filterCodebook(codebook.data.variables, query) : []), [codebook.data, query]);
  const view = queryView(codebook, { loading: 'Loading the codebook…', errorTitle: 'The codebook could not be loaded' });
  if ('element' in view) return view.element;
  const all = view.data.variables;
  const csv = withParams(versionPath(versionRef, '/export/codebook.csv'), new URLSearchParams(locale ? { locale } : {}));
  return (
    <>
      <div className="toolbar">
        <div className="field codebook__search">
          <label className="field__label" htmlFor={searchId}>
            Search the codebook
          </label>
          <input id={searchId} className="input" type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
          <p className="field__hint" role="status">
            {query.trim() ? `${shown.length} of ${all.length} variables match` : `${all.length} variables`}
          </p>
        </div>
        <a className="button button--secondary" href={csv} download>
          Download the codebook (CSV)
        </a>
      </div>
      {shown.length === 0 ? (
        <EmptyState title="No variable matches">Try fewer or other words: the search looks at names, question texts, sections and labels.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table codebook">
            <caption className="visually-hidden">The codebook: one row per variable</caption>
            <thead>
              <tr>
                <th scope="col">Variable</th>
                <th scope="col">Question</th>
                <th scope="col">Section</th>
                <th scope="col">Type</th>
                <th scope="col">Codes and labels</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((variable) => (
                <CodebookRow key={variable.key} variable={variable} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function CodebookRow({ variable }: { variable: CodebookVariable }) {
  return (
    <tr>
      <th scope="row" className="codebook__key">
        <code>
          <BreakableKey name={variable.key} />
        </code>
        {variable.personalData && <span className="badge badge--personal">Personal data</span>}
      </th>
      <td className="codebook__title">{variable.title}</td>
      <td>{variable.sectionTitle}</td>
      <td>
        {variable.type}
        {variable.questionType !== variable.type && <span className="table__note">{variable.questionType}</span>}
      </td>
      <td>
        {variable.choices.length > 0 ? (
          <dl className="codebook__codes">
            {variable.choices.map((choice) => (
              <div key={String(choice.value)}>
                <dt>
                  <code>{String(choice.value)}</code>
                </dt>
                <dd>{choice.label || <span className="muted">(not ticked)</span>}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <span className="muted">No codes: {variable.type === 'text' || variable.type === 'other-text' ? 'free text' : 'the value itself'}</span>
        )}
      </td>
    </tr>
  );
}

/** A variable name that may wrap after its dots and underscores, never inside a word. */
function BreakableKey({ name }: { name: string }) {
  const parts = name.split(/(?<=[._])/);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}
