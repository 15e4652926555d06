import { useParams } from 'react-router';
import { QuestionnairePreviewPage } from '../../features/surveys/components/questionnaire-preview-page';
import { parseVersionParam } from '../../config/paths';
import { NotFoundPage } from './not-found';

export function Component() {
  const { surveyId, version } = useParams();
  const versionNumber = parseVersionParam(version);
  if (!surveyId || versionNumber === null) return <NotFoundPage />;
  return <QuestionnairePreviewPage surveyId={surveyId} version={versionNumber} />;
}
