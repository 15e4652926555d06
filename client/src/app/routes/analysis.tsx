import { useSignedInUser } from '../../features/auth/api/get-me';
import { AnalysisPage } from '../../features/analysis/components/analysis-page';

export function Component() {
  return <AnalysisPage mayIncludePersonalData={useSignedInUser().role === 'admin'} />;
}
