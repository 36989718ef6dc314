import { dirname, join } from 'node:path';
import { proposeRelease } from '../../app/proposals/index.ts';
import { listTenantInvoices, tenantInvoice } from '../../db/index.ts';
import { sumByCurrency } from '../../tools/cycle/index.ts';
import { openApproval } from '../approval/index.ts';
import { cycleRequester, step, type CycleDeps } from './nodes.ts';
import type { CycleStateType } from './state.ts';

const ALL = 1_000_000_000;

/**
 * (6) Clean invoices were issued by the bill run; each held one gets a release proposal (one per
 * invoice, however often the cycle runs) whose approval thread waits for a person. The cycle does
 * not wait for them: it reports what waits.
 */
export function holdFlagged(deps: CycleDeps) {
  return step('hold', deps, async (s) => {
    const { store, tenant } = deps.ctx;
    const held: CycleStateType['held'] = [];
    const ids: number[] = [];
    let opened = 0;
    for (const row of listTenantInvoices(store, tenant, { period: s.period, kind: 'invoice', status: 'held', limit: ALL })) {
      const inv = tenantInvoice(store, tenant, String(row.id));
      const reasons = inv.document.holdReasons.map((h) => ({ code: h.code, message: h.message }));
      const reason = `cycle ${s.period} held it: ${reasons.map((r) => r.code).join(', ') || 'flagged'}`.slice(0, 500);
      const { proposal, existing } = proposeRelease(store, cycleRequester(deps, s.period), { invoice: String(inv.id), reason });
      await openApproval({ store, tenant }, proposal.id);
      if (!existing) opened++;
      ids.push(proposal.id);
      held.push({ invoiceId: inv.id, accountId: inv.accountId, total: inv.total, currency: inv.currency, reasons, proposalId: proposal.id });
    }
    return { counts: { held: held.length, proposalsOpened: opened }, money: sumByCurrency(held), notes: [], update: { held, proposalIds: { hold: ids } } };
  });
}

/** Where a cycle's documents go: `documents/<tenant>/<period>` beside the database, unless given. */
export function documentsFolder(deps: CycleDeps, period: string): string {
  return deps.options.documentsDir ?? join(dirname(deps.ctx.store.path), 'documents', deps.ctx.tenant, period);
}
