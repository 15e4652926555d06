import { AnalysisPage } from '../../features/analysis/components/analysis-page';

export function Component() {
  return <AnalysisPage />;
}
