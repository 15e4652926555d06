import { VersionMeta } from './version-meta';
import { VersionReplies } from './version-replies';
import type { Survey, SurveyVersionSummary } from '../../../types/api';

interface SurveyCardProps {
  survey: Survey;
  /** Each version's replies too, for those who read every state's (not delegates). */
  showReplies: boolean;
}

/** One questionnaire with its versions, newest first. */
export function SurveyCard({ survey, showReplies }: SurveyCardProps) {
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
            <VersionItem
              key={version.version}
              surveyId={survey.id}
              surveyTitle={survey.title}
              version={version}
              showReplies={showReplies}
            />
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
  showReplies: boolean;
}

function VersionItem({ surveyId, surveyTitle, version, showReplies }: VersionItemProps) {
  return (
    <li className="version-list__item">
      <div className="version-list__main">
        <span className="version-list__number">Version {version.version}</span>
        <span className="version-list__title">{version.title}</span>
      </div>
      <VersionMeta surveyId={surveyId} surveyTitle={surveyTitle} version={version} />
      {showReplies && <VersionReplies surveyId={surveyId} surveyTitle={surveyTitle} version={version} />}
    </li>
  );
}
