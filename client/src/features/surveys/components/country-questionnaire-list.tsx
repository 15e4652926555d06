import { CountryResponse } from './country-response';
import { VersionMeta } from './version-meta';
import type { SurveyVersionSummary } from '../../../types/api';

/** One questionnaire version as a delegate's member state meets it; `CountryResponse` adds the state's reply. */
export interface CountryQuestionnaire {
  surveyId: string;
  surveyTitle: string;
  version: SurveyVersionSummary;
}

interface CountryQuestionnaireListProps {
  items: CountryQuestionnaire[];
  /** The delegate's member state; without one there is no reply to show, only the versions. */
  memberState: string | null;
}

export function CountryQuestionnaireList({ items, memberState }: CountryQuestionnaireListProps) {
  return (
    <ul className="card-list">
      {items.map((item) => (
        <li key={`${item.surveyId}/${item.version.version}`}>
          <CountryQuestionnaireItem item={item} memberState={memberState} />
        </li>
      ))}
    </ul>
  );
}

function CountryQuestionnaireItem({ item, memberState }: { item: CountryQuestionnaire; memberState: string | null }) {
  const { surveyId, surveyTitle, version } = item;
  const headingId = `questionnaire-${surveyId}-${version.version}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <p className="card__overline">
        {surveyTitle} · version {version.version}
      </p>
      <h2 id={headingId} className="card__title">
        {version.title}
      </h2>
      {memberState && <CountryResponse surveyId={surveyId} surveyTitle={surveyTitle} version={version} memberState={memberState} />}
      <VersionMeta surveyId={surveyId} surveyTitle={surveyTitle} version={version} />
    </section>
  );
}
