import { useSignedInUser } from '../../features/auth/api/get-me';
import { AdminHome } from '../../features/home/components/admin-home';
import { AnalystHome } from '../../features/home/components/analyst-home';
import { ConsultantHome } from '../../features/home/components/consultant-home';
import { CountryQuestionnairesPage } from '../../features/surveys/components/country-questionnaires-page';

/** Each role starts where its work is. */
export function Component() {
  const user = useSignedInUser();
  switch (user.role) {
    case 'delegate':
      return <CountryQuestionnairesPage memberState={user.memberState} />;
    case 'consultant':
      return <ConsultantHome name={user.name} />;
    case 'analyst':
      return <AnalystHome name={user.name} />;
    case 'admin':
      return <AdminHome name={user.name} />;
  }
}
