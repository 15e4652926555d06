import type { ReactNode } from 'react';
import { Page } from '../../../components/layout/page';

/** A consultant's start page is the review board (given as `children` by the app, which composes features). */
export function ConsultantHome({ name, children }: { name: string; children: ReactNode }) {
  return (
    <Page
      title={`Welcome, ${name}`}
      lead="Where every member state’s reply to each questionnaire version stands. Open a reply to read it, comment on it, return it or accept it."
    >
      {children}
    </Page>
  );
}
