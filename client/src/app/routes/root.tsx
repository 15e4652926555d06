import { Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { AppLayout } from '../../components/layout/app-layout';
import type { NavItem } from '../../components/layout/main-nav';
import { paths } from '../../config/paths';
import { useFocusMainOnNavigation } from './use-focus-main-on-navigation';

// The sign-in work makes this depend on the person's role (a delegate's "My questionnaires",
// a consultant's board, an analyst's tables, an administrator's people and versions).
const NAV_ITEMS: NavItem[] = [{ label: 'Questionnaires', to: paths.questionnaires.getHref() }];

/** The shell around every page. */
export function RootLayout() {
  const navigation = useNavigation();
  useFocusMainOnNavigation();
  return (
    <AppLayout navItems={NAV_ITEMS} pending={navigation.state === 'loading'}>
      <Outlet />
      <ScrollRestoration />
    </AppLayout>
  );
}
