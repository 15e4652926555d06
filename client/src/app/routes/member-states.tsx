export { MemberStatesPage as Component } from '../../features/admin/components/member-states-page';
