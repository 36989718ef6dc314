import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { auditLog } from './agent-schema.ts';
import type { Store } from './open-database.ts';

/** One entry of the append-only audit log. */
export interface AuditEntry {
  tenant: string;
  actor: string;
  actorKind: 'analyst' | 'agent' | 'cycle' | 'approver' | 'admin' | 'system';
  threadId?: string | null;
  event: 'tool_call' | 'tool_error' | 'proposal' | 'decision' | 'refusal' | 'posting' | 'setting' | 'portal_link';
  /** What the entry is about: a tool name, `proposal:12`. */
  subject: string;
  detail: unknown;
}

/** The hash of rows written before the chain existed (set once by migration 0006). */
export const LEGACY_HASH = 'legacy';

/** What a row's hash covers: everything it says, and the hash of the tenant's previous row. */
export interface HashedAuditContent {
  at: string;
  tenant: string;
  actor: string;
  actorKind: string;
  threadId: string | null;
  event: string;
  subject: string;
  detailJson: string;
  prevHash: string | null;
}

/** SHA-256 (hex) of a row's canonical content: a JSON array of its fields in a fixed order. */
export function auditRowHash(r: HashedAuditContent): string {
  const canonical = JSON.stringify([r.prevHash, r.at, r.tenant, r.actor, r.actorKind, r.threadId, r.event, r.subject, r.detailJson]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends an entry to its tenant's hash chain; the only writer of audit_log. The previous hash is
 * read inside the same IMMEDIATE write transaction as the insert (a savepoint when the caller's
 * transaction already holds the lock), so writers in several processes queue and the chain stays
 * linear. The table's triggers refuse any update, delete, replacement or row without a hash.
 */
export function appendAudit(store: Store, e: AuditEntry): { id: number; hash: string } {
  const write = store.sqlite.transaction(() => {
    const last = store.db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.tenant, e.tenant)).orderBy(desc(auditLog.id)).limit(1).get();
    // The chain of a tenant starts at its first hashed row, after any rows from before the chain.
    const prevHash = last && last.hash !== LEGACY_HASH ? last.hash : null;
    const row = {
      at: new Date().toISOString(),
      tenant: e.tenant,
      actor: e.actor,
      actorKind: e.actorKind,
      threadId: e.threadId ?? null,
      event: e.event,
      subject: e.subject,
      detailJson: JSON.stringify(e.detail ?? null),
      prevHash,
    };
    const hash = auditRowHash(row);
    const { id } = store.db
      .insert(auditLog)
      .values({ ...row, hash })
      .returning({ id: auditLog.id })
      .get();
    return { id, hash };
  });
  return write.immediate();
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
