import { useId } from 'react';
import { Link } from 'react-router';
import { useMemberStateName } from '../../../api/get-member-states';
import { useSurveys } from '../../../api/get-surveys';
import { EmptyState } from '../../../components/feedback/empty-state';
import { queryView } from '../../../components/feedback/query-view';
import { Page } from '../../../components/layout/page';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format-date';
import { isApiError } from '../../../lib/api-client';
import type { Survey } from '../../../types/api';
import { DEFAULT_STATUSES } from '../api/analysis-filter';
import { useProfile, type CountryProfile, type ProfileAnswer, type ProfileRound, type ProfileSection } from '../api/get-profile';
import { roundName } from '../workbench/resolve-workbench';
import './analysis.css';
import './country-profile.css';

interface CountryProfilePageProps {
  state: string;
  /** From the address; null: the first questionnaire. */
  surveyId: string | null;
}

/** One member state's answers in every round, in the questionnaire's words; prints as a clean document. */
export function CountryProfilePage({ state, surveyId }: CountryProfilePageProps) {
  const name = useMemberStateName(state);
  const surveys = useSurveys();
  const view = queryView(surveys, { loading: 'Loading the questionnaires…', errorTitle: 'The questionnaires could not be loaded' });
  const survey = 'data' in view ? (view.data.find((candidate) => candidate.id === surveyId) ?? view.data[0]) : undefined;
  return (
    <Page
      title={`${name}: country profile`}
      before={
        <p className="back-link no-print">
          <Link to={paths.analysis.getHref(survey ? new URLSearchParams({ survey: survey.id }) : undefined)}>Back to the analysis</Link>
        </p>
      }
      lead={survey ? `${survey.title}: every answer of ${name} in each round, in the questionnaire’s words.` : undefined}
      aside={
        <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      }
    >
      {'element' in view ? view.element : survey ? <Profile survey={survey} state={state} /> : <EmptyState title="No questionnaire yet" />}
    </Page>
  );
}

function Profile({ survey, state }: { survey: Survey; state: string }) {
  const profile = useProfile(survey.id, state, { statuses: DEFAULT_STATUSES, locale: null });
  if (profile.isError && isApiError(profile.error) && profile.error.status === 404) {
    return (
      <EmptyState title="No such member state">
        There is no member state “{state}”. <Link to={paths.analysis.getHref()}>Choose one from a comparison table.</Link>
      </EmptyState>
    );
  }
  const view = queryView(profile, { loading: 'Loading the country profile…', errorTitle: 'The country profile could not be loaded' });
  if ('element' in view) return view.element;
  const data = view.data;
  return (
    <article className="country-profile">
      <RoundList rounds={data.rounds} />
      {data.rounds.every((round) => round.status === null) ? (
        <EmptyState title="No counted reply yet">
          {data.memberStateName} has no submitted or accepted reply to any round of this questionnaire yet. Only submitted and accepted
          replies are shown here.
        </EmptyState>
      ) : (
        <>
          <p className="muted">Questions left unanswered in every round are not listed.</p>
          {data.sections.map((section) => (
            <SectionAnswers key={section.section} section={section} profile={data} />
          ))}
        </>
      )}
    </article>
  );
}

function RoundList({ rounds }: { rounds: ProfileRound[] }) {
  return (
    <dl className="facts country-profile__rounds">
      {rounds.map((round) => (
        <div key={round.version} className="country-profile__round">
          <dt>
            {roundName(round)} <span className="muted">(version {round.version})</span>
          </dt>
          <dd>
            {round.status ? (
              <>
                <StatusBadge status={round.status} />
                {round.submittedAt && <> submitted {formatDate(round.submittedAt)}</>}
              </>
            ) : (
              <span className="muted">No counted reply</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function SectionAnswers({ section, profile }: { section: ProfileSection; profile: CountryProfile }) {
  const headingId = useId();
  // A question left blank in every round (an "other" text nobody needed) would only lengthen the print.
  const answered = section.questions.filter((question) => question.answers.some((answer) => answer.label !== null));
  if (answered.length === 0) return null;
  return (
    <section className="country-profile__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{section.title}</h2>
      <div className="table-wrap">
        <table className="table country-profile__table">
          <caption className="visually-hidden">
            {profile.memberStateName}: {section.title}
          </caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              {profile.rounds.map((round) => (
                <th key={round.version} scope="col">
                  {roundName(round)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {answered.map((question) => (
              <tr key={question.key}>
                <th scope="row">
                  {question.title}
                  <EntryNote questionKey={question.key} />
                </th>
                {profile.rounds.map((round) => {
                  const answer = question.answers.find((candidate) => candidate.version === round.version);
                  return <td key={round.version}>{answer?.label ?? <span className="muted">{missingWords(round, answer)}</span>}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Why a round has no answer to show: the question was not asked then, the state had no counted reply, or left it blank. */
function missingWords(round: ProfileRound, answer: ProfileAnswer | undefined): string {
  if (answer?.asked === false) return `Not asked in ${roundName(round)}`;
  return round.status ? 'Not answered' : 'No counted reply';
}

/**
 * The entry a repeated field belongs to (`organisations.2.org_name` is the second
 * organisation's name): the titles of a dynamic panel's entries are the same for every entry.
 */
function EntryNote({ questionKey }: { questionKey: string }) {
  const entry = questionKey.split('.').find((segment) => /^[1-9][0-9]*$/.test(segment));
  return entry ? <span className="table__note">Entry {entry}</span> : null;
}
