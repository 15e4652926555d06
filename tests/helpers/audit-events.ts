import type { FastifyInstance } from 'fastify';

export interface StoredAuditEvent {
  readonly action: string;
  readonly target: string | null;
  readonly actorEmail: string | null;
  readonly ip: string | null;
  readonly details: Record<string, unknown>;
}

/** The audit events with this action, newest first, straight from the table the workflows write. */
export async function auditEvents(app: FastifyInstance, action: string): Promise<StoredAuditEvent[]> {
  const rows = await app.audit.list({ action, limit: 500 });
  return rows.map(({ action, target, actorEmail, ip, details }) => ({ action, target, actorEmail, ip, details }));
}
