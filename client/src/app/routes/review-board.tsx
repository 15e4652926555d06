import { ReviewBoardPage } from '../../features/review/components/review-board-page';

export function Component() {
  return <ReviewBoardPage />;
}
