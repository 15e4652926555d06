import { PublishVersionForm } from './publish-version-form';
import { VersionMeta } from './version-meta';
import { VersionReplies } from './version-replies';
import { VersionRound } from './version-round';
import type { Survey, SurveyVersionSummary } from '../../../types/api';

interface SurveyCardProps {
  survey: Survey;
  /** Each version's replies too, for those who read every state's (not delegates). */
  showReplies: boolean;
  /** Publishing versions and opening and closing rounds: administrators. */
  manage?: boolean;
}

/** One questionnaire with its versions, newest first. */
export function SurveyCard({ survey, showReplies, manage = false }: SurveyCardProps) {
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
              manage={manage}
            />
          ))}
        </ul>
      )}
      {manage && <PublishVersionForm surveyId={survey.id} surveyTitle={survey.title} nextVersion={(versions[0]?.version ?? 0) + 1} />}
    </section>
  );
}

interface VersionItemProps {
  surveyId: string;
  surveyTitle: string;
  version: SurveyVersionSummary;
  showReplies: boolean;
  manage: boolean;
}

function VersionItem({ surveyId, surveyTitle, version, showReplies, manage }: VersionItemProps) {
  return (
    <li className="version-list__item">
      <div className="version-list__main">
        <span className="version-list__number">Version {version.version}</span>
        <span className="version-list__title">{version.title}</span>
      </div>
      <VersionMeta surveyId={surveyId} surveyTitle={surveyTitle} version={version} />
      {manage && <VersionRound surveyId={surveyId} surveyTitle={surveyTitle} version={version} />}
      {showReplies && <VersionReplies surveyId={surveyId} surveyTitle={surveyTitle} version={version} />}
    </li>
  );
}
