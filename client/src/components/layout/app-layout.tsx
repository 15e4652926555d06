import type { ReactNode } from 'react';
import { MainNav, type NavItem } from './main-nav';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

export const MAIN_CONTENT_ID = 'main-content';

interface AppLayoutProps {
  /** The main navigation; none (signed out) leaves it out. */
  navItems: NavItem[];
  /** The header's right-hand side: where the signed-in person and "Sign out" will go. */
  account?: ReactNode;
  /** Shown at the very top while a page is on its way. */
  pending?: boolean;
  children: ReactNode;
}

export function AppLayout({ navItems, account, pending = false, children }: AppLayoutProps) {
  return (
    <div className="app">
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        Skip to main content
      </a>
      {pending && <div className="route-progress" aria-hidden="true" />}
      <SiteHeader account={account} />
      {navItems.length > 0 && <MainNav items={navItems} />}
      <main id={MAIN_CONTENT_ID} className="app__main" tabIndex={-1} aria-busy={pending || undefined}>
        <div className="container">{children}</div>
      </main>
      <SiteFooter />
    </div>
  );
}
