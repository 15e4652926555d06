import { useParams } from 'react-router';
import { parseVersionParam } from '../../config/paths';
import { ResponsePage } from '../../features/responses/components/response-page';
import { NotFoundPage } from './not-found';

export function Component() {
  const { surveyId, version, state } = useParams();
  const versionNumber = parseVersionParam(version);
  if (!surveyId || !state || versionNumber === null) return <NotFoundPage />;
  return <ResponsePage surveyId={surveyId} version={versionNumber} state={state} />;
}
