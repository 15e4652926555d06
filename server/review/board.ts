import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { progressShare } from '../responses/progress.js';
import type { QuestionnaireSource } from '../responses/target.js';
import type { ShownStatus } from '../responses/service.js';
import { readBoard, type BoardRecord, type BoardReply } from './board-query.js';
import { createSettledFactsCache, type SettledFacts } from './settled-facts-cache.js';

export interface BoardRow {
  memberState: string;
  memberStateName: string;
  memberStateActive: boolean;
  status: ShownStatus;
  revision: number;
  progress: number;
  openComments: number;
  /** The latest revision; null before the first save. */
  lastActivity: { readonly at: Date; readonly by: string } | null;
  submittedAt: Date | null;
  /** Only while submitted: how long the reply has waited for the consultant. */
  daysSinceSubmission: number | null;
  resubmitted: boolean;
}

export interface BoardSummary {
  accepted: number;
  submitted: number;
  returned: number;
  draft: number;
  notStarted: number;
}

export interface ReviewBoard {
  surveyId: string;
  version: number;
  rows: BoardRow[];
  summary: BoardSummary;
}

export interface ReviewBoardDeps {
  readonly db: Kysely<Database>;
  readonly questionnaires: Pick<QuestionnaireSource, 'questionnaire'>;
}

/**
 * The consultant's board of one questionnaire version: where every member state's reply stands.
 * One statement per version (board-query.ts); the compiled questionnaire is cached, so once the
 * version has been read the board reads nothing else. Progress is the responses list's own
 * (responses/progress.ts), computed once per reply and revision with the other facts a revision
 * settles (settled-facts-cache.ts). Who may read the board is decided by the route.
 */
export function createReviewBoard({ db, questionnaires }: ReviewBoardDeps) {
  const cache = createSettledFactsCache();

  async function board(surveyId: string, version: number): Promise<ReviewBoard> {
    // 404 SURVEY_VERSION_NOT_FOUND for an unknown version, before the board is read.
    const questionnaire = await questionnaires.questionnaire(surveyId, version);
    const known = cache.snapshot(surveyId, version);
    const records = await readBoard(db, surveyId, version, Object.fromEntries([...known].map(([id, facts]) => [id, facts.revision])));
    const settledFacts = (reply: BoardReply): SettledFacts => {
      if (reply.details === null) {
        // Left out by the statement only because this snapshot has the reply at this revision.
        const facts = known.get(reply.id);
        if (facts?.revision !== reply.revision) throw new Error(`the board left out reply ${reply.id}'s revision without knowing it`);
        return facts;
      }
      const { data, lastActivity, returnedBefore } = reply.details;
      const facts: SettledFacts = { revision: reply.revision, progress: progressShare(questionnaire, data), lastActivity, returnedBefore };
      cache.remember(surveyId, version, reply.id, facts);
      return facts;
    };
    const rows = records.map((record) => toRow(record, settledFacts));
    return { surveyId, version, rows, summary: summarise(rows) };
  }

  return { board };
}

export type ReviewBoardService = ReturnType<typeof createReviewBoard>;

function toRow(record: BoardRecord, settledFacts: (reply: BoardReply) => SettledFacts): BoardRow {
  const state = { memberState: record.code, memberStateName: record.name, memberStateActive: record.active };
  const { reply } = record;
  if (!reply) {
    return {
      ...state,
      status: 'not_started',
      revision: 0,
      progress: 0,
      openComments: 0,
      lastActivity: null,
      submittedAt: null,
      daysSinceSubmission: null,
      resubmitted: false,
    };
  }
  const facts = settledFacts(reply);
  return {
    ...state,
    status: reply.status,
    revision: reply.revision,
    progress: facts.progress,
    openComments: reply.openComments,
    lastActivity: facts.lastActivity,
    submittedAt: reply.submittedAt,
    daysSinceSubmission: reply.daysSinceSubmission,
    resubmitted: reply.status === 'submitted' && facts.returnedBefore,
  };
}

function summarise(rows: readonly BoardRow[]): BoardSummary {
  const summary: BoardSummary = { accepted: 0, submitted: 0, returned: 0, draft: 0, notStarted: 0 };
  for (const row of rows) {
    if (row.status === 'not_started') summary.notStarted += 1;
    else summary[row.status] += 1;
  }
  return summary;
}
