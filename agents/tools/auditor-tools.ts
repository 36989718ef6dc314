import { z } from 'zod';
import { accountPeriodInvoice, invoicesBefore, listProposals, listTenantInvoices, tenantInvoice } from '../../db/index.ts';
import { proposeInvoiceRelease } from '../../app/proposals/index.ts';
import { compareInvoices, explainInvoiceLine, findBillJump } from '../../tools/audit/index.ts';
import type { AgentContext } from '../context.ts';
import { defineAgentTool, type AgentTool } from './define-agent-tool.ts';
import { operationTool } from './operation-tool.ts';
import { explainInvoice } from '../../app/invoices/index.ts';
import { billingTotals } from '../../app/billing/index.ts';
import { proposalTool } from './proposal-result.ts';
import { BillingError } from '../../tools/errors.ts';
import { accountId, invoiceRef, lineId, period, reason } from './tool-args.types.ts';

/** The auditor's tools: explanations down to the event and tariff row, comparisons, flagged cases, releases. */
export function auditorTools(ctx: AgentContext): AgentTool[] {
  const tenant = ctx.user.tenant;
  return [
    operationTool(ctx, 'auditor', explainInvoice, {
      name: 'explain_invoice',
      kind: 'read',
      description:
        'Explain an invoice line by line: each amount with its calculation, catalog items, tariff rows and top usage events, the taxes with their sources, the arithmetic check, and where it stands: credit and debit notes against it, paid or not, what is still open. With totalsOnly, the same without the lines (a total and its VAT on a large invoice).',
      schema: z.object({ invoice: invoiceRef, totalsOnly: z.boolean().optional() }).strict(),
      toInput: ({ invoice, totalsOnly }) => ({ number: invoice, totalsOnly }),
    }),
    defineAgentTool(ctx, 'auditor', {
      name: 'explain_invoice_line',
      kind: 'read',
      description: 'One invoice line in full: every usage event it charges (rated and charged amounts, allowance cover) and the tariff rows.',
      schema: z.object({ invoice: invoiceRef, lineId }).strict(),
      run: ({ invoice, lineId: id }) => explainInvoiceLine(tenantInvoice(ctx.store, tenant, invoice).document, id),
    }),
    defineAgentTool(ctx, 'auditor', {
      name: 'find_invoice',
      kind: 'read',
      description: "An account's invoice for a billing month (or its latest): number, status, total.",
      schema: z.object({ accountId, period: period.optional() }).strict(),
      run: ({ accountId: a, period: p }) => {
        const inv = accountPeriodInvoice(ctx.store, tenant, a, p);
        return { id: inv.id, number: inv.number, accountId: inv.accountId, period: inv.period, status: inv.status, total: inv.total, currency: inv.currency };
      },
    }),
    defineAgentTool(ctx, 'auditor', {
      name: 'compare_periods',
      kind: 'analysis',
      description:
        "Compare an account's invoices of two billing months (the second defaults to the month before), or two invoices of one account by number: totals, per-section and per-line changes, usage changes, causes ranked by size.",
      schema: z
        .object({ accountId: accountId.optional(), period: period.optional(), otherPeriod: period.optional(), invoice: invoiceRef.optional(), otherInvoice: invoiceRef.optional() })
        .strict()
        .refine(
          (x) => (x.invoice !== undefined ? x.accountId === undefined && x.period === undefined : x.accountId !== undefined && x.period !== undefined && x.otherInvoice === undefined),
          'name the account and a month, or an invoice (and optionally the other invoice)',
        ),
      run: ({ accountId: named, period: p, otherPeriod, invoice, otherInvoice }) => {
        const after = invoice ? tenantInvoice(ctx.store, tenant, invoice) : accountPeriodInvoice(ctx.store, tenant, named!, p);
        const a = after.accountId;
        const other = otherInvoice ? tenantInvoice(ctx.store, tenant, otherInvoice) : undefined;
        if (other && other.accountId !== a)
          throw new BillingError('INVALID_INPUT', `${invoice} and ${otherInvoice} belong to different accounts (${a}, ${other.accountId}): compare invoices of one account`);
        const before = other ?? (otherPeriod ? accountPeriodInvoice(ctx.store, tenant, a, otherPeriod) : invoicesBefore(ctx.store, tenant, a, after.period, 1)[0]);
        if (!before) return { accountId: a, period: after.period, comparison: null, note: `account ${a} has no invoice before ${after.period} to compare with` };
        const [older, newer] = before.period <= after.period ? [before, after] : [after, before];
        return {
          accountId: a,
          before: { number: older.number, period: older.period },
          after: { number: newer.number, period: newer.period },
          comparison: compareInvoices(older.document, newer.document),
        };
      },
    }),
    defineAgentTool(ctx, 'auditor', {
      name: 'explain_bill_change',
      kind: 'analysis',
      description:
        "Why an account's bill went up or down: its invoice for the month (or latest; or the invoice named) against the average of earlier ones (the bill-shock rule), and the line-by-line comparison with the previous month.",
      schema: z
        .object({ accountId: accountId.optional(), period: period.optional(), invoice: invoiceRef.optional() })
        .strict()
        .refine((x) => (x.accountId === undefined) !== (x.invoice === undefined), 'name the account or one of its invoices, not both'),
      run: ({ accountId: named, period: p, invoice }) => {
        const current = invoice ? tenantInvoice(ctx.store, tenant, invoice) : accountPeriodInvoice(ctx.store, tenant, named!, p);
        const a = current.accountId;
        const history = invoicesBefore(ctx.store, tenant, a, current.period, 3);
        const previous = history[0];
        return {
          accountId: a,
          invoice: { number: current.number, period: current.period, total: current.total, currency: current.currency },
          previous: previous ? { number: previous.number, period: previous.period, total: previous.total } : null,
          jump: findBillJump(
            current.document,
            history.map((h) => ({ period: h.period, total: h.total })),
          ),
          comparison: previous ? compareInvoices(previous.document, current.document) : null,
        };
      },
    }),
    defineAgentTool(ctx, 'auditor', {
      name: 'list_flagged_invoices',
      kind: 'read',
      description: 'Held invoices with their hold reasons (unrated usage, usage outside line dates, bill shock), and proposals waiting for approval.',
      schema: z.object({ limit: z.number().int().min(1).max(50).default(20) }).strict(),
      run: ({ limit }) => ({
        held: listTenantInvoices(ctx.store, tenant, { status: 'held', limit }).map((r) => ({ ...r, holdReasons: tenantInvoice(ctx.store, tenant, String(r.id)).document.holdReasons })),
        pendingProposals: listProposals(ctx.store, tenant, { status: ['pending'], limit }).map((p) => ({ id: p.id, kind: p.kind, summary: p.summary, requestedBy: p.requestedBy })),
      }),
    }),
    operationTool(ctx, 'auditor', billingTotals, {
      name: 'billing_totals',
      kind: 'analysis',
      description:
        'What a billing month billed in total (the latest billed month when none is named): issued invoices with lines, taxes by name and totals per currency; held invoices and notes apart.',
      schema: z.object({ period: period.optional() }).strict(),
    }),
    proposalTool(ctx, 'auditor', proposeInvoiceRelease, {
      name: 'propose_release',
      description: 'Propose issuing a held invoice after review. It waits for an approver; nothing is issued now.',
      schema: z.object({ invoice: invoiceRef, reason }).strict(),
      toInput: ({ invoice, reason: why }) => ({ number: invoice, reason: why }),
    }),
  ];
}
