import { ConsultantHome } from '../features/home/components/consultant-home';
import { ReviewBoard } from '../features/review/components/review-board';

/** The consultant's home: the review board under a greeting (two features, put together by the app). */
export function ConsultantHomeWithBoard({ name }: { name: string }) {
  return (
    <ConsultantHome name={name}>
      <ReviewBoard />
    </ConsultantHome>
  );
}
