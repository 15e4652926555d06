import { VersionMeta } from './version-meta';
import type { SurveyVersionSummary } from '../../../types/api';

/**
 * One questionnaire version as a delegate's member state meets it. The response's status and
 * progress belong here too once responses can be filled in: add them to this item and show them
 * in `CountryQuestionnaireItem`'s meta line.
 */
export interface CountryQuestionnaire {
  surveyId: string;
  surveyTitle: string;
  version: SurveyVersionSummary;
}

export function CountryQuestionnaireList({ items }: { items: CountryQuestionnaire[] }) {
  return (
    <ul className="card-list">
      {items.map((item) => (
        <li key={`${item.surveyId}/${item.version.version}`}>
          <CountryQuestionnaireItem item={item} />
        </li>
      ))}
    </ul>
  );
}

function CountryQuestionnaireItem({ item }: { item: CountryQuestionnaire }) {
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
      <VersionMeta surveyId={surveyId} surveyTitle={surveyTitle} version={version} />
    </section>
  );
}
