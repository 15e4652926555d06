import { useParams } from 'react-router';
import { InvitationPage } from '../../features/auth/components/invitation-page';
import { NotFoundPage } from './not-found';

export function Component() {
  const { token } = useParams();
  if (!token) return <NotFoundPage />;
  // A new token means a new page: nothing typed for one invitation stays for another.
  return <InvitationPage key={token} token={token} />;
}
