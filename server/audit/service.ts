import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface AuditActor {
  readonly id: string | null;
  readonly email: string | null;
}

/** Who asks for a change and from where: what a workflow needs to write its audit event. */
export interface AuditContext {
  readonly actor: AuditActor | null;
  readonly ip?: string | null;
}

export interface AuditEntry {
  readonly actor: AuditActor | null;
  readonly action: string;
  readonly target?: string | null;
  readonly details?: Record<string, unknown>;
  readonly ip?: string | null;
}

/**
 * The audit action of every download — the analysis files, a reply's audit and the audit log's
 * own CSV — so that one filter of the audit log lists them all.
 */
export const DOWNLOAD_ACTION = 'export.downloaded';

/** A file handed out: what it is about, its name, and what it holds (the filter, the counts). */
export interface Download {
  readonly target: string;
  readonly file: string;
  readonly details: Record<string, unknown>;
}

export interface AuditEventRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export interface AuditFilter {
  readonly action?: string;
  readonly actorId?: string;
  readonly before?: string;
  readonly limit?: number;
}

/**
 * The row an entry is stored as: `record` writes it, and a workflow that writes its event in the
 * same statement as its change (responses/lifecycle-statements.ts) inserts these values.
 */
export function auditEventValues(entry: AuditEntry) {
  return {
    actor_id: entry.actor?.id ?? null,
    actor_email: entry.actor?.email ?? null,
    action: entry.action,
    target: entry.target ?? null,
    details: JSON.stringify(entry.details ?? {}),
    ip: entry.ip ?? null,
  };
}

/** The append-only record of who did what: sign-ins, invitations, role and status changes, exports. */
export function createAuditService(db: Kysely<Database>) {
  /** Pass the transaction when the event belongs to a change, so both commit or neither. */
  async function record(entry: AuditEntry, executor: Kysely<Database> = db): Promise<void> {
    await executor.insertInto('audit_events').values(auditEventValues(entry)).execute();
  }

  /** Who fetched which file with which filter: written before the first byte goes out. */
  function recordDownload(by: AuditContext, download: Download): Promise<void> {
    return record({ ...by, action: DOWNLOAD_ACTION, target: download.target, details: { file: download.file, ...download.details } });
  }

  function query(filter: AuditFilter) {
    return db
      .selectFrom('audit_events')
      .select(['id', 'at', 'actor_id', 'actor_email', 'action', 'target', 'details', 'ip'])
      .$if(filter.action !== undefined, (q) => q.where('action', '=', filter.action!))
      .$if(filter.actorId !== undefined, (q) => q.where('actor_id', '=', filter.actorId!))
      .$if(filter.before !== undefined, (q) => q.where('id', '<', filter.before!))
      .orderBy('id', 'desc');
  }

  async function list(filter: AuditFilter = {}): Promise<AuditEventRow[]> {
    const rows = await query(filter).limit(filter.limit ?? 100).execute();
    return rows.map(toRow);
  }

  /** Every matching event, newest first, in pages: for the CSV download. */
  async function* stream(filter: AuditFilter = {}, pageSize = 1000): AsyncGenerator<AuditEventRow> {
    let before = filter.before;
    for (;;) {
      const rows = await query({ ...filter, before }).limit(pageSize).execute();
      for (const row of rows) yield toRow(row);
      if (rows.length < pageSize) return;
      before = rows[rows.length - 1]!.id;
    }
  }

  return { record, recordDownload, list, stream };
}

export type AuditService = ReturnType<typeof createAuditService>;

function toRow(r: {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}): AuditEventRow {
  return { id: String(r.id), at: r.at, actorId: r.actor_id, actorEmail: r.actor_email, action: r.action, target: r.target, details: r.details, ip: r.ip };
}
