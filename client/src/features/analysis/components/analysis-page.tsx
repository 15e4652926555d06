import { Link, useSearchParams } from 'react-router';
import { useSurveys } from '../../../api/get-surveys';
import { EmptyState } from '../../../components/feedback/empty-state';
import { queryView } from '../../../components/feedback/query-view';
import { Page } from '../../../components/layout/page';
import { paths } from '../../../config/paths';
import type { Survey } from '../../../types/api';
import { readWorkbenchState, workbenchSearch, type WorkbenchState } from '../workbench/workbench-state';
import { resolveWorkbench, shownVersion, versionLabel, type ResolvedWorkbench } from '../workbench/resolve-workbench';
import { WorkbenchControls } from './workbench-controls';
import { WorkbenchResult } from './workbench-result';
import './analysis.css';

const LEAD =
  "Compare the member states' replies: a named table of the assessment study or any questions, " +
  'one version or two rounds side by side, with a chart, a map and every file to download.';

/**
 * The analyst's workbench. What it shows is the page's query string: links share it, the back button undoes.
 * `mayIncludePersonalData`: the signed-in user is an administrator, who may add personal data to the files.
 */
export function AnalysisPage({ mayIncludePersonalData = false }: { mayIncludePersonalData?: boolean }) {
  const surveys = useSurveys();
  const view = queryView(surveys, { loading: 'Loading the questionnaires…', errorTitle: 'The questionnaires could not be loaded' });
  return (
    <Page title="Analysis" lead={LEAD}>
      {'element' in view ? view.element : <Workbench surveys={view.data} mayIncludePersonalData={mayIncludePersonalData} />}
    </Page>
  );
}

function Workbench({ surveys, mayIncludePersonalData }: { surveys: Survey[]; mayIncludePersonalData: boolean }) {
  const [search, setSearch] = useSearchParams();
  const state = readWorkbenchState(search);
  const workbench = resolveWorkbench(state, surveys);
  if (!workbench) {
    return (
      <EmptyState title="Nothing to compare yet">
        Questionnaire versions appear here as soon as an administrator publishes one, and their replies once delegates submit them.
      </EmptyState>
    );
  }
  const change = (next: Partial<WorkbenchState>) => setSearch(workbenchSearch({ ...state, ...next }));
  const version = shownVersion(workbench);
  return (
    <>
      <UnknownChoiceNotice state={state} workbench={workbench} />
      <WorkbenchControls state={state} workbench={workbench} surveys={surveys} onChange={change} />
      <WorkbenchResult state={state} workbench={workbench} onChange={change} mayIncludePersonalData={mayIncludePersonalData} />
      <p className="workbench__more">
        <Link to={paths.analysisCodebook.getHref(workbench.survey.id, version.version, state.locale)}>
          The codebook of {workbench.survey.title}, {versionLabel(version)}
        </Link>
        : every variable, with its question, codes and labels.
      </p>
    </>
  );
}

/** A shared link may name a questionnaire or version that is not (or no longer) there: say what is shown instead. */
function UnknownChoiceNotice({ state, workbench }: { state: WorkbenchState; workbench: ResolvedWorkbench }) {
  if (state.surveyId !== null && state.surveyId !== workbench.survey.id) {
    return (
      <p className="notice notice--warning" role="status">
        There is no questionnaire “{state.surveyId}”: showing {workbench.survey.title} instead.
      </p>
    );
  }
  if (workbench.adjusted) {
    return (
      <p className="notice notice--warning" role="status">
        The version in the link is not published: showing the nearest that is.
      </p>
    );
  }
  return null;
}
