import { useParams, useSearchParams } from 'react-router';
import { CountryProfilePage } from '../../features/analysis/components/country-profile-page';
import { NotFoundPage } from './not-found';

export function Component() {
  const { state } = useParams();
  const [search] = useSearchParams();
  if (!state) return <NotFoundPage />;
  return <CountryProfilePage key={state} state={state} surveyId={search.get('survey')} />;
}
