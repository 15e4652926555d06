import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import { formatDate } from '../../../lib/format-date';
import type { SurveyVersionSummary } from '../../../types/api';

interface VersionMetaProps {
  surveyId: string;
  surveyTitle: string;
  version: SurveyVersionSummary;
}

/** A version's status, publication date and link, as every questionnaire list shows them. */
export function VersionMeta({ surveyId, surveyTitle, version }: VersionMetaProps) {
  return (
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
  );
}
