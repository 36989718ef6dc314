import { asc, eq } from 'drizzle-orm';
import { approvalDecisions, proposals } from './agent-schema.ts';
import { auditRowHash, LEGACY_HASH, type HashedAuditContent } from './audit-store.ts';
import { backedDecisionIds, type DecisionRow } from './decision-backing.ts';
import type { Store } from './open-database.ts';

/** What `switchboard audit verify` found in one tenant's audit log. */
export interface AuditVerification {
  ok: boolean;
  tenant: string;
  /** Rows on the hash chain that were checked. */
  rows: number;
  /** Rows written before the chain existed (before migration 0006): kept, counted, not verifiable. */
  legacyRows: number;
  /** The hash of the tenant's last row: write it down elsewhere to detect a later rewrite of the whole chain. */
  head: string | null;
  /** The first row whose content, hash or link to the previous row is wrong. */
  firstBroken: { id: number; reason: string } | null;
  /** Decision rows of the tenant's proposals, and those without their audit entry (never counted). */
  decisions: { checked: number; unbacked: Array<{ decisionId: number; proposalId: number; decidedBy: string; decision: string }> };
}

/**
 * Checks a tenant's audit chain row by row (each hash recomputed from the row's content and the
 * previous row's hash) and cross-checks every decision against its audit entry. Reads only.
 */
export function verifyAudit(store: Store, tenant: string): AuditVerification {
  let rows = 0;
  let legacyRows = 0;
  let prev: string | null = null;
  let chainStarted = false;
  let firstBroken: AuditVerification['firstBroken'] = null;
  const broken = (id: number, reason: string) => {
    firstBroken ??= { id, reason };
  };
  // Streamed row by row: a log of millions of rows is verified in constant memory.
  const chain = store.sqlite.prepare(
    'SELECT id, at, tenant, actor, actor_kind AS actorKind, thread_id AS threadId, event, subject, detail_json AS detailJson, prev_hash AS prevHash, hash FROM audit_log WHERE tenant = ? ORDER BY id',
  );
  for (const r of chain.iterate(tenant) as Iterable<HashedAuditContent & { id: number; hash: string | null }>) {
    if (r.hash === LEGACY_HASH) {
      legacyRows += 1;
      if (chainStarted) broken(r.id, `row ${r.id} is marked legacy after the chain started`);
      continue;
    }
    rows += 1;
    chainStarted = true;
    if (r.hash === null) broken(r.id, `row ${r.id} has no chain hash`);
    else if (r.prevHash !== prev) broken(r.id, `row ${r.id} does not follow the previous row of the tenant: its prev_hash is not that row's hash (a row before it was removed or changed)`);
    else if (auditRowHash(r) !== r.hash) broken(r.id, `row ${r.id}'s content does not match its hash (it was changed after it was written)`);
    prev = r.hash;
  }
  const decisions = checkDecisions(store, tenant);
  return { ok: firstBroken === null && decisions.unbacked.length === 0, tenant, rows, legacyRows, head: prev, firstBroken, decisions };
}

function checkDecisions(store: Store, tenant: string): AuditVerification['decisions'] {
  const all = store.db
    .select({
      id: approvalDecisions.id,
      proposalId: approvalDecisions.proposalId,
      decidedBy: approvalDecisions.decidedBy,
      decision: approvalDecisions.decision,
      editedAmount: approvalDecisions.editedAmount,
    })
    .from(approvalDecisions)
    .innerJoin(proposals, eq(proposals.id, approvalDecisions.proposalId))
    .where(eq(proposals.tenant, tenant))
    .orderBy(asc(approvalDecisions.id))
    .all();
  const byProposal = new Map<number, DecisionRow[]>();
  for (const d of all) byProposal.set(d.proposalId, [...(byProposal.get(d.proposalId) ?? []), d]);
  const unbacked: AuditVerification['decisions']['unbacked'] = [];
  for (const [proposalId, ds] of byProposal) {
    const backed = backedDecisionIds(store, tenant, proposalId, ds);
    for (const d of ds) if (!backed.has(d.id)) unbacked.push({ decisionId: d.id, proposalId, decidedBy: d.decidedBy, decision: d.decision });
  }
  return { checked: all.length, unbacked };
}
