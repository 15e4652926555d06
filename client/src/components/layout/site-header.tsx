import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { PRODUCT_NAME } from '../../config/product';

export function SiteHeader({ account }: { account?: ReactNode }) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to={paths.home.getHref()} className="site-header__brand">
          <span className="site-header__product">{PRODUCT_NAME}</span>
          <span className="site-header__owners">CBSS TF-THB · UNODC</span>
        </Link>
        {account && <div className="site-header__account">{account}</div>}
      </div>
    </header>
  );
}
