import { useParams } from 'react-router';
import { ComparePage } from '../../features/response-history/components/compare-page';
import { parseVersionParam } from '../../config/paths';
import { NotFoundPage } from './not-found';

export function Component() {
  const { surveyId, version, state } = useParams();
  const versionNumber = parseVersionParam(version);
  if (!surveyId || versionNumber === null || !state) return <NotFoundPage />;
  return <ComparePage surveyId={surveyId} version={versionNumber} state={state} />;
}
