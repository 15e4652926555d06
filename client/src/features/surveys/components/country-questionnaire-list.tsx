import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format-date';
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
      <div className="version-list__meta">
        <StatusBadge status={version.status} />
        <span>
          Published <time dateTime={version.publishedAt}>{formatDate(version.publishedAt)}</time>
        </span>
        <Link className="version-list__link" to={paths.questionnaire.getHref(surveyId, version.version)}>
          View questions
          <span className="visually-hidden">
            {' '}
            of {surveyTitle}, version {version.version}
          </span>
        </Link>
      </div>
    </section>
  );
}
