import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMemberStateName } from '../../../api/get-member-states';
import type { ResponseTarget } from '../../../api/response-keys';
import { Page } from '../../../components/layout/page';
import { useQuestionnaireTitle } from '../api/get-questionnaire-title';
import './response-history.css';

interface HistoryFrameProps {
  response: ResponseTarget;
  /** What the page shows, before the reply's name: "Compare revisions". Absent for the history itself. */
  what?: string;
  /** Where the link above the heading leads: the reply (from the history), or the history. */
  back: { href: string; label: string };
  /** Says what the page shows; gets the survey's title and version in front. */
  lead: (stateName: string) => string;
  children: ReactNode;
}

/** The heading every page about a reply's history shares: the version and the member state. */
export function HistoryFrame({ response, what, back, lead, children }: HistoryFrameProps) {
  const { surveyId, version, state } = response;
  const title = useQuestionnaireTitle(surveyId, version);
  const stateName = useMemberStateName(state);
  const reply = `${title.data?.versionTitle ?? `Version ${version}`} · ${stateName}`;
  return (
    <Page
      title={what ? `${what}: ${reply}` : reply}
      before={
        <p className="back-link">
          <Link to={back.href}>{back.label}</Link>
        </p>
      }
      lead={`${title.data ? `${title.data.surveyTitle}, version ${version}. ` : ''}${lead(stateName)}`}
    >
      {children}
    </Page>
  );
}
