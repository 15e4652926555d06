import { Page } from '../../../components/layout/page';
import { InvitationList } from './invitation-list';
import { InviteSection } from './invite-section';
import { PeopleTable } from './people-table';

export function PeoplePage({ currentUserId }: { currentUserId: string }) {
  return (
    <Page
      title="People"
      lead="Everyone with an account, and the invitations not yet accepted. There is no mail server: you send each invitation link yourself."
    >
      <InviteSection />
      <section className="section" aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Pending invitations</h2>
        <InvitationList />
      </section>
      <section className="section" aria-labelledby="people-heading">
        <h2 id="people-heading">Accounts</h2>
        <PeopleTable currentUserId={currentUserId} />
      </section>
    </Page>
  );
}
