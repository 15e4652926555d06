import { Page } from '../../../components/layout/page';
import { AddMemberStateSection } from './add-member-state-section';
import { MemberStateTable } from './member-state-table';

export function MemberStatesPage() {
  return (
    <Page
      title="Member states"
      lead="The states whose delegates answer the questionnaires. A state is never deleted: a deactivated state keeps all its responses and data, but gets no new responses and no new delegates until it is reactivated."
    >
      <section className="section" aria-labelledby="states-heading">
        <h2 id="states-heading">All member states</h2>
        <MemberStateTable />
      </section>
      <AddMemberStateSection />
    </Page>
  );
}
