import { z } from 'zod';
import { showAccountStanding } from '../../app/accounts/index.ts';
import { runOperation } from '../../app/index.ts';
import { explainBillChange, explainInvoice, explainInvoiceLine, findAccountInvoice, listInvoices } from '../../app/invoices/index.ts';
import { openCustomerCaseOp } from '../../app/proposals/index.ts';
import { listUsageEvents } from '../../app/usage/index.ts';
import { showWhatIf } from '../../app/whatif/index.ts';
import { showForecast } from '../../app/forecast/index.ts';
import type { ProposalPayload } from '../../tools/approval/index.ts';
import { BillingError } from '../../tools/errors.ts';
import type { AgentContext } from '../context.ts';
import { defineAgentTool, type AgentTool } from './define-agent-tool.ts';
import { agentOperationContext } from './operation-tool.ts';
import { invoiceRef, lineId, period } from './tool-args.types.ts';

/** The tool names of the customer toolset (the offline model tells a portal run by them). */
export const CUSTOMER_TOOL_NAMES = [
  'my_invoices',
  'explain_my_invoice',
  'explain_my_invoice_line',
  'why_my_bill_changed',
  'my_usage',
  'my_balance',
  'my_plan_options',
  'my_forecast',
  'open_case',
] as const;

/**
 * The customer toolset: reads of the customer's own account and cases for the billing team. No
 * schema has an account, tenant or user field (strict schemas refuse one): the account is the
 * stored user's, and every call runs an operation in the customer's context, whose scope is
 * narrowed to that account (another account's invoice is NOT_FOUND, like a missing one).
 */
export function customerTools(ctx: AgentContext): AgentTool[] {
  const octx = agentOperationContext(ctx, 'supervisor');
  const own = (): string => {
    // Only a customer user has an account; staff never get these tools (and would be refused here).
    if (!ctx.user.accountId) throw new BillingError('FORBIDDEN', 'these tools serve a customer of the portal');
    return ctx.user.accountId;
  };
  const latestNumber = async (month?: string): Promise<string> => {
    const inv = await runOperation(findAccountInvoice, octx, { accountId: own(), ...(month ? { period: month } : {}) });
    return inv.number ?? String(inv.id);
  };
  const tool = <S extends z.ZodObject>(name: (typeof CUSTOMER_TOOL_NAMES)[number], kind: 'read' | 'proposal', description: string, schema: S, run: (args: z.infer<S>) => Promise<unknown>) =>
    defineAgentTool(ctx, 'supervisor', { name, kind, description, schema, run });
  return [
    tool(
      'my_invoices',
      'read',
      "The customer's invoices and notes, newest first: number, month, status, total.",
      z.object({ period: period.optional(), limit: z.number().int().min(1).max(24).default(12) }).strict(),
      (a) => runOperation(listInvoices, octx, { ...(a.period ? { period: a.period } : {}), limit: a.limit }),
    ),
    tool(
      'explain_my_invoice',
      'read',
      "One of the customer's invoices explained line by line (each amount with its calculation), its taxes, and what is paid or still open. Without an invoice: their latest (or the month's).",
      z.object({ invoice: invoiceRef.optional(), period: period.optional(), totalsOnly: z.boolean().optional() }).strict(),
      async (a) => runOperation(explainInvoice, octx, { number: a.invoice ?? (await latestNumber(a.period)), ...(a.totalsOnly ? { totalsOnly: true } : {}) }),
    ),
    tool('explain_my_invoice_line', 'read', "One line of one of the customer's invoices in full: the usage it charges and the prices.", z.object({ invoice: invoiceRef, lineId }).strict(), (a) =>
      runOperation(explainInvoiceLine, octx, a),
    ),
    tool(
      'why_my_bill_changed',
      'read',
      "Why the customer's bill is higher or lower: their invoice (the latest, the month's or the one named) against earlier ones, line by line against the month before.",
      z.object({ invoice: invoiceRef.optional(), period: period.optional() }).strict(),
      (a) => runOperation(explainBillChange, octx, a.invoice ? { invoice: a.invoice } : { accountId: own(), ...(a.period ? { period: a.period } : {}) }),
    ),
    tool(
      'my_usage',
      'read',
      "The customer's usage events (calls, texts, data), newest first, optionally of one month.",
      z.object({ period: period.optional(), limit: z.number().int().min(1).max(100).default(20) }).strict(),
      async (a) => {
        const out = await runOperation(listUsageEvents, octx, { ...(a.period ? { period: a.period } : {}), limit: a.limit });
        return {
          events: out.events.map((e) => ({
            id: e.id,
            service: e.service,
            direction: e.direction,
            category: e.category,
            roaming: e.roaming,
            otherParty: e.otherParty,
            startTime: e.startTime,
            usage: e.usage,
            cost: e.cost,
            currency: e.currency,
          })),
          more: out.nextCursor !== null,
        };
      },
    ),
    tool('my_balance', 'read', 'What the customer owes today: balance, what is open and overdue, each open invoice with its due date, and unapplied credits.', z.object({}).strict(), async () => {
      const out = await runOperation(showAccountStanding, octx, { accountId: own() });
      // The dunning plan is the operator's working view, not the customer's.
      return { accountId: out.accountId, standing: out.standing };
    }),
    tool(
      'my_plan_options',
      'read',
      "What each of the customer's lines would have paid on other plans in a month (exact what-if pricing of their real usage, before tax), and the cheaper plan worth suggesting.",
      z.object({ period: period.optional() }).strict(),
      (a) => runOperation(showWhatIf, octx, { accountId: own(), ...(a.period ? { period: a.period } : {}) }),
    ),
    tool(
      'my_forecast',
      'read',
      "Where the customer's use is heading this billing period: per line and allowance the projected use at the period end (their usual weekday pattern and earlier months), whether they will go over, the expected extra charge (exact, before tax) and a plan that would cost less.",
      z.object({}).strict(),
      () => runOperation(showForecast, octx, { accountId: own() }),
    ),
    tool(
      'open_case',
      'proposal',
      "Open a case for the billing team: a dispute (about a charge, an invoice, or a request for money back) or a callback request. The customer's own message is kept with it. It moves no money and changes nothing; the team replies.",
      z
        .object({
          kind: z.enum(['dispute', 'callback']),
          invoice: invoiceRef.optional(),
          lineId: lineId.optional(),
          line: z.string().trim().min(2).max(100).optional().describe('words naming the charge ("the roaming charge")'),
        })
        .strict(),
      async (a) => {
        const out = await runOperation(openCustomerCaseOp, octx, {
          kind: a.kind === 'dispute' ? 'customer_dispute' : 'callback_request',
          ...(a.invoice ? { invoice: a.invoice } : {}),
          ...(a.lineId ? { lineId: a.lineId } : {}),
          ...(a.line ? { line: a.line } : {}),
          // The customer's own words this turn, never a model's paraphrase.
          words: ctx.utterance.slice(0, 2000),
        });
        const p = out.proposal;
        const payload = p.payload as ProposalPayload<'customer_dispute'>;
        if (!out.existing) await ctx.onProposal?.(p.id);
        return {
          proposalId: p.id,
          caseId: p.id,
          alreadyOpen: out.existing,
          kind: p.kind,
          status: p.status,
          invoice: payload.invoiceNumber,
          line: payload.lineDescription,
          note: out.existing ? `Case ${p.id} about this is already open with the billing team.` : `Case ${p.id} is open with the billing team; nothing on the account has changed.`,
        };
      },
    ),
  ];
}
