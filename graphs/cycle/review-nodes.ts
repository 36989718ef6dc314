import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { proposeRelease } from '../../app/proposals/index.ts';
import { invoicesBefore, listTenantInvoices, tenantInvoice, type Store } from '../../db/index.ts';
import { findBillJump } from '../../tools/audit/index.ts';
import { checkInvoiceCompliance } from '../../tools/compliance/index.ts';
import { sumByCurrency } from '../../tools/cycle/index.ts';
import { invoiceInvariantViolations } from '../../tools/invoice/check-invoice-invariants.ts';
import { DEFAULT_FLAG_RULES } from '../../tools/invoice/flag-invoice.ts';
import { openApproval } from '../approval/index.ts';
import { cycleRequester, step, type CycleDeps } from './nodes.ts';
import type { CycleStateType } from './state.ts';

const ALL = 1_000_000_000;
const periodInvoices = (store: Store, tenant: string, period: string) => listTenantInvoices(store, tenant, { period, kind: 'invoice', limit: ALL });

/** (5) Audits every invoice of the period: its invariants, bill shock against its history, its compliance. */
export function audit(deps: CycleDeps) {
  return step('audit', deps, async (s) => {
    const { store, tenant } = deps.ctx;
    const findings: CycleStateType['findings'] = [];
    const rows = periodInvoices(store, tenant, s.period);
    for (const row of rows) {
      const inv = tenantInvoice(store, tenant, String(row.id));
      const at = { invoiceId: inv.id, number: inv.number, accountId: inv.accountId };
      for (const v of invoiceInvariantViolations(inv.document)) findings.push({ ...at, kind: 'invariant', code: 'INVARIANT_BROKEN', severity: 'error', message: v });
      const history = invoicesBefore(store, tenant, inv.accountId, inv.period, 3).map((h) => ({ period: h.period, total: h.total }));
      // The rule that holds invoices at billing: an issued invoice it flags here slipped past the hold.
      const jump = findBillJump(inv.document, history, { ratio: DEFAULT_FLAG_RULES.billShockFactor, minIncrease: DEFAULT_FLAG_RULES.billShockMinIncrease });
      if (jump.jump) findings.push({ ...at, kind: 'bill_shock', code: 'BILL_SHOCK', severity: 'warning', message: jump.sentence });
      for (const f of checkInvoiceCompliance(inv.document).findings) {
        if (f.severity !== 'info') findings.push({ ...at, kind: 'compliance', code: f.code, severity: f.severity, message: f.message });
      }
    }
    const count = (k: string) => findings.filter((f) => f.kind === k).length;
    return {
      counts: {
        invoices: rows.length,
        invariantViolations: count('invariant'),
        billShocks: count('bill_shock'),
        complianceFindings: count('compliance'),
        complianceErrors: findings.filter((f) => f.kind === 'compliance' && f.severity === 'error').length,
      },
      money: sumByCurrency(rows),
      notes: [],
      update: { findings },
    };
  });
}

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

/** Writes a file whole or not at all, so a file left by a crash is never a half one that is then skipped. */
function writeOnce(path: string, content: Uint8Array | string): boolean {
  if (existsSync(path)) return false;
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
  return true;
}

/** (7) PDF and UBL of every issued invoice of the period; files already there are skipped. */
export function renderDocuments(deps: CycleDeps) {
  return step('documents', deps, async (s) => {
    const { store, tenant } = deps.ctx;
    const folder = documentsFolder(deps, s.period);
    mkdirSync(folder, { recursive: true });
    // pdfkit loads only when there is something to render.
    const render = await import('../../tools/invoice/render/index.ts');
    let written = 0;
    let skipped = 0;
    const issued = periodInvoices(store, tenant, s.period).filter((r) => r.number !== null && r.status !== 'held' && r.status !== 'void');
    for (const row of issued) {
      const pdf = join(folder, `${row.number}.pdf`);
      const xml = join(folder, `${row.number}.xml`);
      if (existsSync(pdf) && existsSync(xml)) {
        skipped++;
        continue;
      }
      const doc = tenantInvoice(store, tenant, row.number!).document;
      if (!existsSync(pdf)) writeOnce(pdf, await render.renderInvoicePdf(doc));
      writeOnce(xml, render.renderInvoiceUbl(doc));
      written++;
    }
    return { counts: { invoices: issued.length, written, skipped }, money: sumByCurrency(issued), notes: [folder] };
  });
}
