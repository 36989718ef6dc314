import { and, eq } from 'drizzle-orm';
import { auditLog } from './agent-schema.ts';
import { auditRowHash, LEGACY_HASH } from './audit-store.ts';
import type { Store } from './open-database.ts';

/** A decision row as the cross-check sees it. */
export interface DecisionRow {
  id: number;
  decidedBy: string;
  decision: string;
  editedAmount: string | null;
}

/**
 * Which of a proposal's decisions are backed by their audit entry: a `decision` entry of the
 * proposal's tenant and subject, by the same person, naming this decision row (`decisionId`, inside
 * the hashed content) with the same decision and amount, whose hash matches its content. Rows from
 * before the chain (legacy) back the decision of the same person and verb. A decision inserted by
 * hand has no such entry: it is shown, but never counted.
 */
export function backedDecisionIds(store: Store, tenant: string, proposalId: number, decisions: DecisionRow[]): Set<number> {
  const backed = new Set<number>();
  if (decisions.length === 0) return backed;
  const entries = store.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subject, `proposal:${proposalId}`), eq(auditLog.tenant, tenant), eq(auditLog.event, 'decision')))
    .all()
    .map((a) => ({ row: a, detail: JSON.parse(a.detailJson) as { decisionId?: unknown; decision?: unknown; editedAmount?: unknown } }));
  for (const d of decisions) {
    const match = entries.find(({ row, detail }) => {
      if (row.actor !== d.decidedBy || detail.decision !== d.decision) return false;
      if (row.hash === LEGACY_HASH) return detail.decisionId === undefined;
      return detail.decisionId === d.id && (detail.editedAmount ?? null) === d.editedAmount && row.hash === auditRowHash(row);
    });
    if (match) backed.add(d.id);
  }
  return backed;
}
