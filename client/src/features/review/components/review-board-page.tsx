import { Page } from '../../../components/layout/page';
import { ReviewBoard } from './review-board';

/** The board on a page of its own (`/review`), where administrators reach it. */
export function ReviewBoardPage() {
  return (
    <Page
      title="Review board"
      lead="Where every member state’s reply to each questionnaire version stands: its status, how much is answered, open comments, who acted last and how long a submitted reply has waited. Open a reply to read and review it."
    >
      <ReviewBoard />
    </Page>
  );
}
