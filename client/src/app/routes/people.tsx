import { PeoplePage } from '../../features/admin/components/people-page';
import { useSignedInUser } from '../../features/auth/api/get-me';

export function Component() {
  return <PeoplePage currentUserId={useSignedInUser().id} />;
}
