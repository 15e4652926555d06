import { useSignedInUser } from '../../features/auth/api/get-me';
import { AdminHome } from '../../features/home/components/admin-home';
import { AnalystHome } from '../../features/home/components/analyst-home';
import { ConsultantHome } from '../../features/home/components/consultant-home';
import { ReviewBoard } from '../../features/review/components/review-board';
import { CountryQuestionnairesPage } from '../../features/surveys/components/country-questionnaires-page';

/** Each role starts where its work is. */
export function Component() {
  const user = useSignedInUser();
  switch (user.role) {
    case 'delegate':
      return <CountryQuestionnairesPage memberState={user.memberState} />;
    case 'consultant':
      return (
        <ConsultantHome name={user.name}>
          <ReviewBoard />
        </ConsultantHome>
      );
    case 'analyst':
      return <AnalystHome />;
    case 'admin':
      return <AdminHome name={user.name} />;
  }
}
