import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ResponseTarget } from '../../../api/response-keys';
import { Page } from '../../../components/layout/page';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import type { ResponseStatus, SurveyVersion, User } from '../../../types/api';
import { isAnswered } from '@core/answered';
import { usePrefill, type Prefill } from '../api/get-prefill';
import type { Answers, ResponseDetail } from '../api/get-response';
import { useAutosave } from '../autosave/use-autosave';
import { ReviewProvider } from '../review/review-context';
import { addReviewToModel } from '../review/review-survey-hooks';
import { questionTitle } from '../survey/question-names';
import { createResponseSession } from '../survey/response-session';
import { AnswerProgress } from './answer-progress';
import { ConflictDialog } from './conflict-dialog';
import { LocaleSelect } from './locale-select';
import { PageNavigation } from './page-navigation';
import { PrefilledNote, PrefillFailed, PrefillOffer } from './prefill-offer';
import { QuestionnaireForm } from './questionnaire-form';
import { ResponseBanner } from './response-banner';
import { ReviewComments } from './review-comments';
import { ReviewSteps } from './review-steps';
import { SectionContents } from './section-contents';
import { SaveStatus } from './save-status';
import { SubmitSection } from './submit-section';
import { useModelChanges } from './use-model-changes';
import { whenIdle } from '../../../lib/when-idle';
import './read-only-reply.css';
import './response-page.css';

const EDITABLE_STATUSES: ReadonlySet<ResponseStatus> = new Set(['not_started', 'draft', 'returned']);
/** A reply that was never submitted: a returned one was reviewed as it stands, and is not started again. */
const PREFILL_STATUSES: ReadonlySet<ResponseStatus> = new Set(['not_started', 'draft']);

interface ResponseEditorProps {
  target: ResponseTarget;
  questionnaire: SurveyVersion;
  /** The reply as last loaded: its answers seed the editor once; its status stays current. */
  response: ResponseDetail;
  user: User;
  /** A save failed: the app checks whether the session has ended. */
  onRequestFailed: (error: unknown) => void;
}

/**
 * One member state's reply: its delegates fill it in (autosaved, kept offline, conflicts settled
 * answer by answer) and submit it; everyone else, and everyone once it is submitted, reads it,
 * all its sections on one page. Review comments sit beside the questions; the consultant returns,
 * accepts or reopens the reply from here.
 */
export function ResponseEditor({ target, questionnaire, response, user, onRequestFailed }: ResponseEditorProps) {
  const queryClient = useQueryClient();
  const canWrite = user.role === 'delegate' && user.memberState === target.state;
  const statusAllows = canWrite && questionnaire.status === 'open' && EDITABLE_STATUSES.has(response.status);
  const [{ model, checks, answers, store }] = useState(() => {
    const session = createResponseSession({
      target,
      definition: questionnaire.definition,
      response,
      userId: user.id,
      canWrite,
      editable: statusAllows,
      queryClient,
      onRequestFailed,
    });
    addReviewToModel(session.model);
    return session;
  });
  // As the server decides: the state's delegates, consultants and administrators; analysts only read.
  const reviews = user.role === 'consultant' || user.role === 'admin';
  const canComment = canWrite || reviews;
  // A delegate filling in a draft has nobody to ask yet: "Comment" appears for them once the reply came back.
  const canStartThreads = reviews || (canWrite && response.status === 'returned');
  const save = useAutosave(store, answers.watch);
  useModelChanges(model);
  const editable = statusAllows && save?.phase !== 'locked';
  useEffect(() => {
    model.readOnly = !editable;
  }, [model, editable]);
  // Leaving a field or turning the page is a natural pause: save what waits without the debounce.
  const flush = useCallback(() => void store?.flush(), [store]);
  useEffect(() => {
    model.onCurrentPageChanged.add(flush);
    return () => model.onCurrentPageChanged.remove(flush);
  }, [model, flush]);

  // The checks build a survey-core model of their own (~0.2 s): once the questionnaire is on
  // screen and the browser is idle, not in the task before its first paint.
  const [checksReady, setChecksReady] = useState(false);
  useEffect(() => {
    return whenIdle(() => {
      checks.prepare();
      setChecksReady(true);
    });
  }, [checks]);

  const [prefilled, setPrefilled] = useState<Prefill | null>(null);
  // Offered as long as the reply is a draft: the offer merges into what is there (prefill-offer.tsx).
  const mayPrefill = editable && target.version > 1 && PREFILL_STATUSES.has(response.status);
  const prefill = usePrefill(target, mayPrefill);

  function takePrefill(earlier: Prefill, values: Answers) {
    const shown = Object.fromEntries(Object.entries(values).filter(([, value]) => isAnswered(value)));
    answers.show(shown, Object.keys(values).filter((key) => !isAnswered(values[key])));
    setPrefilled(earlier);
    // One ordinary save of every answer taken, so it becomes a revision like any other.
    return store ? store.recordAll(values) : Promise.resolve(false);
  }

  const titleOf = (key: string) => questionTitle(model, key);
  return (
    <ReviewProvider target={target} model={model} canComment={canComment} canStartThreads={canStartThreads}>
      <Page
        title={questionnaire.title}
        before={
          <p className="back-link">
            <Link to={paths.home.getHref()}>Home</Link>
          </p>
        }
        aside={<StatusBadge status={response.status} />}
        lead={`Reply of ${response.memberStateName} (${target.state}) to version ${target.version}.`}
      >
        <ResponseBanner
          status={response.status}
          submittedAt={response.submittedAt}
          versionClosed={questionnaire.status === 'closed'}
          canWrite={canWrite}
          state={response.memberStateName}
          lockMessage={save?.phase === 'locked' ? save.message : null}
        />
        <ReviewSteps target={target} status={response.status} role={user.role} />
        <ReviewComments />
        {store && save?.conflict && (
          <ConflictDialog key={save.conflict.currentRevision} conflict={save.conflict} model={model} onResolve={store.resolveConflict} />
        )}
        {mayPrefill && prefill.data && <PrefillOffer prefill={prefill.data} model={model} onUse={(values) => takePrefill(prefill.data!, values)} />}
        {mayPrefill && prefill.isError && <PrefillFailed onRetry={() => void prefill.refetch()} isRetrying={prefill.isFetching} />}
        {prefilled && <PrefilledNote prefill={prefilled} model={model} />}
        <div className="response-toolbar">
          {store && save && (editable || save.phase === 'locked') && <SaveStatus snapshot={save} titleOf={titleOf} onRetry={store.retry} />}
          <LocaleSelect model={model} />
          <Link className="response-toolbar__link" to={paths.responseHistory.getHref(target.surveyId, target.version, target.state)}>
            Revision history
          </Link>
        </div>
        {store && editable && <SubmitSection target={target} store={store} model={model} checks={checks} />}
        <AnswerProgress checks={checksReady ? checks : null} />
        <div className="response-layout">
          {model.isSinglePage ? <SectionContents model={model} /> : <PageNavigation model={model} />}
          <QuestionnaireForm model={model} onLeaveField={flush} />
        </div>
      </Page>
    </ReviewProvider>
  );
}
