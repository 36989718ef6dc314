import { and, asc, eq, type SQL } from 'drizzle-orm';
import { auditLog } from './agent-schema.ts';
import type { Store } from './open-database.ts';

/** One entry of the append-only audit log. */
export interface AuditEntry {
  tenant: string;
  actor: string;
  actorKind: 'analyst' | 'agent' | 'cycle' | 'approver' | 'system';
  threadId?: string | null;
  event: 'tool_call' | 'tool_error' | 'proposal' | 'decision' | 'refusal' | 'posting';
  /** What the entry is about: a tool name, `proposal:12`. */
  subject: string;
  detail: unknown;
}

/** Appends an entry (the table's triggers refuse any update or delete). */
export function appendAudit(store: Store, e: AuditEntry): void {
  store.db
    .insert(auditLog)
    .values({ at: new Date().toISOString(), tenant: e.tenant, actor: e.actor, actorKind: e.actorKind, threadId: e.threadId ?? null, event: e.event, subject: e.subject, detailJson: JSON.stringify(e.detail ?? null) })
    .run();
}

/** Audit entries of a tenant in order, optionally of one thread or subject. */
export function listAudit(store: Store, tenant: string, filter: { threadId?: string; subject?: string; limit?: number } = {}) {
  const where: SQL[] = [eq(auditLog.tenant, tenant)];
  if (filter.threadId) where.push(eq(auditLog.threadId, filter.threadId));
  if (filter.subject) where.push(eq(auditLog.subject, filter.subject));
  return store.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(asc(auditLog.id))
    .limit(filter.limit ?? 1000)
    .all()
    .map((r) => ({ id: r.id, at: r.at, actor: r.actor, actorKind: r.actorKind, threadId: r.threadId, event: r.event, subject: r.subject, detail: JSON.parse(r.detailJson) as unknown }));
}
