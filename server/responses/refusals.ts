import type { ResponseStatus } from '../db/schema.js';
import { conflict } from '../http/errors.js';

/** The 409s a change of a response answers with; each leaves the database as it was. */

export type LockReason = 'submitted' | 'accepted' | 'version_closed' | 'member_state_inactive';

export function responseLocked(reason: LockReason) {
  const messages: Record<LockReason, string> = {
    submitted: 'The response is submitted: it cannot be changed unless a consultant returns it.',
    accepted: 'The response is accepted: it cannot be changed unless a consultant or administrator reopens it.',
    version_closed: 'This questionnaire version is closed: responses cannot be changed.',
    member_state_inactive: 'This member state is inactive: it gets no new responses.',
  };
  return conflict('RESPONSE_LOCKED', messages[reason], { reason });
}

export function invalidTransition(from: ResponseStatus | 'not_started', action: string) {
  return conflict('INVALID_TRANSITION', `A response cannot be ${action} from its current status.`, { status: from });
}

export interface EditConflict {
  question: string;
  currentValue: unknown;
  /** Extra: the question's comment key's text ("other" answer), when it has one. */
  currentComment?: unknown;
  changedBy: string;
  changedAt: Date;
}

/** The revision moved on (or overlapping edits): nothing of the request was saved. */
export function editConflict(currentRevision: number, conflicts: EditConflict[]) {
  return conflict(
    'EDIT_CONFLICT',
    conflicts.length > 0
      ? 'Someone else changed some of these answers since you started; nothing was saved. Review their answers and save again.'
      : 'The response has changed since the revision you started from; reload it and try again.',
    { currentRevision, conflicts },
  );
}
