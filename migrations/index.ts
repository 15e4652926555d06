import type { Migration } from 'kysely';
import * as memberStates from './2026-11-28-001-member-states.js';
import * as surveys from './2026-11-28-002-surveys.js';
import * as people from './2026-11-28-003-people.js';
import * as responses from './2026-11-28-004-responses.js';
import * as surveyCrosswalks from './2026-11-28-005-survey-crosswalks.js';
import * as revisionChanges from './2026-11-28-006-revision-changes.js';
import * as responseDataLz4 from './2026-11-28-007-response-data-lz4.js';
import * as responseDataInline from './2026-11-28-008-response-data-inline.js';

/**
 * Every migration, by name, in the order they run. Listed statically (not read from the
 * folder) so the same code works from TypeScript sources and from the compiled build.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-28-001-member-states': memberStates,
  '2026-11-28-002-surveys': surveys,
  '2026-11-28-003-people': people,
  '2026-11-28-004-responses': responses,
  '2026-11-28-005-survey-crosswalks': surveyCrosswalks,
  '2026-11-28-006-revision-changes': revisionChanges,
  '2026-11-28-007-response-data-lz4': responseDataLz4,
  '2026-11-28-008-response-data-inline': responseDataInline,
};
