import { CodebookPage } from '../../features/analysis/components/codebook-page';

export function Component() {
  return <CodebookPage />;
}
