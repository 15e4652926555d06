import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format-date';
import type { Survey, SurveyVersionSummary } from '../../../types/api';

/** One questionnaire with its versions, newest first. */
export function SurveyCard({ survey }: { survey: Survey }) {
  const headingId = `survey-${survey.id}`;
  const versions = [...survey.versions].sort((a, b) => b.version - a.version);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {survey.title}
      </h2>
      {versions.length === 0 ? (
        <p className="muted">No version has been published yet.</p>
      ) : (
        <ul className="version-list">
          {versions.map((version) => (
            <VersionItem key={version.version} surveyId={survey.id} surveyTitle={survey.title} version={version} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface VersionItemProps {
  surveyId: string;
  surveyTitle: string;
  version: SurveyVersionSummary;
}

function VersionItem({ surveyId, surveyTitle, version }: VersionItemProps) {
  return (
    <li className="version-list__item">
      <div className="version-list__main">
        <span className="version-list__number">Version {version.version}</span>
        <span className="version-list__title">{version.title}</span>
      </div>
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
    </li>
  );
}
