import type { ReactNode } from 'react';
import { PRODUCT_NAME } from '../../config/product';

interface PageProps {
  title: string;
  /** One or two sentences under the heading. */
  lead?: ReactNode;
  /** Shown above the heading, e.g. a link back. */
  before?: ReactNode;
  /** Shown beside the heading, e.g. a status badge. */
  aside?: ReactNode;
  children: ReactNode;
}

/** A page's heading, its document title and its content, laid out the same on every page. */
export function Page({ title, lead, before, aside, children }: PageProps) {
  return (
    <>
      <title>{`${title} · ${PRODUCT_NAME}`}</title>
      {before}
      <div className="page-heading">
        <h1>{title}</h1>
        {aside}
      </div>
      {lead && <p className="page-lead">{lead}</p>}
      {children}
    </>
  );
}
