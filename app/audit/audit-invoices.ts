import { taxPacksInForce } from '../../db/tax-pack-store.ts';
import { z } from 'zod';
import { invoicesBefore, listTenantInvoices, tenantInvoice, type Store } from '../../db/index.ts';
import { findBillJump } from '../../tools/audit/index.ts';
import { checkInvoiceCompliance } from '../../tools/compliance/index.ts';
import { auditFindingSchema } from '../../tools/cycle/index.ts';
import { invoiceInvariantViolations } from '../../tools/invoice/check-invoice-invariants.ts';
import { DEFAULT_FLAG_RULES } from '../../tools/invoice/flag-invoice.ts';
import { billingMonthSchema } from '../../tools/schemas/index.ts';
import { eventLoopPacer } from '../event-loop-turns.ts';
import { defineOperation } from '../operation.ts';

type Finding = z.infer<typeof auditFindingSchema>;

/** Findings kept in a report; the counts are of all of them. */
const KEPT = 500;

/** The counts of an audit of invoices, and its first findings. */
export const invoiceAuditSchema = z.object({
  invoices: z.number().int(),
  invariantViolations: z.number().int(),
  billShocks: z.number().int(),
  complianceFindings: z.number().int(),
  complianceErrors: z.number().int(),
  findings: z.array(auditFindingSchema).describe(`the first ${KEPT} findings`),
});
export type InvoiceAudit = z.infer<typeof invoiceAuditSchema>;

/**
 * Audits invoices and notes: their invariants (lines add up to totals), bill shock against the
 * account's last three periods, and their compliance (EN 16931 rules). Reads only.
 */
export async function auditInvoices(store: Store, tenant: string, rows: ReadonlyArray<{ id: number }>): Promise<InvoiceAudit> {
  const all: Finding[] = [];
  const packs = taxPacksInForce(store);
  const pace = eventLoopPacer();
  for (let i = 0; i < rows.length; i++) {
    const inv = tenantInvoice(store, tenant, String(rows[i]!.id));
    const at = { invoiceId: inv.id, number: inv.number, accountId: inv.accountId };
    for (const v of invoiceInvariantViolations(inv.document)) all.push({ ...at, kind: 'invariant', code: 'INVARIANT_BROKEN', severity: 'error', message: v });
    if (inv.kind === 'invoice') {
      const history = invoicesBefore(store, tenant, inv.accountId, inv.period, 3).map((h) => ({ period: h.period, total: h.total }));
      // The rule that holds invoices at billing: an issued invoice it flags here slipped past the hold.
      const jump = findBillJump(inv.document, history, { ratio: DEFAULT_FLAG_RULES.billShockFactor, minIncrease: DEFAULT_FLAG_RULES.billShockMinIncrease });
      if (jump.jump) all.push({ ...at, kind: 'bill_shock', code: 'BILL_SHOCK', severity: 'warning', message: jump.sentence });
    }
    for (const f of checkInvoiceCompliance(inv.document, { packs }).findings) {
      if (f.severity !== 'info') all.push({ ...at, kind: 'compliance', code: f.code, severity: f.severity, message: f.message });
    }
    await pace();
  }
  const count = (k: Finding['kind']) => all.filter((f) => f.kind === k).length;
  return {
    invoices: rows.length,
    invariantViolations: count('invariant'),
    billShocks: count('bill_shock'),
    complianceFindings: count('compliance'),
    complianceErrors: all.filter((f) => f.kind === 'compliance' && f.severity === 'error').length,
    findings: all.slice(0, KEPT),
  };
}

/** `audit.invoices`: audits a period's invoices, or those issued since an instant (the worker's daily pass). */
export const auditInvoicesOperation = defineOperation({
  name: 'audit.invoices',
  summary: 'Audit invoices (invariants, bill shock, compliance)',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      period: billingMonthSchema.optional().describe("a billing month's invoices"),
      issuedSince: z.iso.datetime({ offset: true }).optional().describe('invoices and notes issued at or after this instant'),
    })
    .strict()
    .refine((i) => i.period !== undefined || i.issuedSince !== undefined, 'give a period or issuedSince'),
  output: invoiceAuditSchema,
  handler: (ctx, input) => {
    const rows = listTenantInvoices(ctx.store, ctx.tenant, { period: input.period, issuedSince: input.issuedSince, limit: 1_000_000_000 });
    return auditInvoices(ctx.store, ctx.tenant, rows);
  },
});
