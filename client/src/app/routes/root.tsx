import { Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { AppLayout } from '../../components/layout/app-layout';
import { useMe } from '../../features/auth/api/get-me';
import { UserMenu } from '../../features/auth/components/user-menu';
import { navItemsFor } from '../nav-items';
import { useFocusMainOnNavigation } from './use-focus-main-on-navigation';

/** The shell around every page, with the navigation and account menu of whoever is signed in. */
export function RootLayout() {
  const navigation = useNavigation();
  const user = useMe().data ?? null;
  useFocusMainOnNavigation();
  return (
    <AppLayout
      navItems={navItemsFor(user)}
      account={user && <UserMenu user={user} />}
      pending={navigation.state === 'loading'}
    >
      <Outlet />
      <ScrollRestoration />
    </AppLayout>
  );
}
