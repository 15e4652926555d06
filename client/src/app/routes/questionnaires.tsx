import { useSignedInUser } from '../../features/auth/api/get-me';
import { QuestionnairesPage } from '../../features/surveys/components/questionnaires-page';

/** Delegates reach their own state's replies from their home page; everyone else finds every state's here. */
export function Component() {
  const user = useSignedInUser();
  return <QuestionnairesPage showReplies={user.role !== 'delegate'} manage={user.role === 'admin'} />;
}
