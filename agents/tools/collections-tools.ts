import { z } from 'zod';
import { showAccountStanding } from '../../app/accounts/index.ts';
import type { AgentContext } from '../context.ts';
import type { AgentTool } from './define-agent-tool.ts';
import { operationTool } from './operation-tool.ts';
import { listDunningCandidates, proposeAccountDunningStep, proposeAccountPaymentPlan, proposeCreditNote } from '../../app/proposals/index.ts';
import { proposalContext, proposalResult, proposalTool } from './proposal-result.ts';
import { defineAgentTool } from './define-agent-tool.ts';
import { runOperation } from '../../app/index.ts';
import { proposeAccountRefund } from '../../app/payments-fraud/index.ts';
import { accountId, amount, invoiceRef, lineId, reason } from './tool-args.types.ts';

/** The collections agent's tools: standing and ageing, dunning, and proposals for plans, waivers and credits. */
export function collectionsTools(ctx: AgentContext): AgentTool[] {
  return [
    operationTool(ctx, 'collections', showAccountStanding, {
      name: 'account_standing',
      kind: 'read',
      description: "An account's standing today (the account named, or the one an invoice belongs to): open and overdue balance, ageing buckets, each open invoice, and the dunning steps now due.",
      schema: z
        .object({ accountId: accountId.optional(), invoice: invoiceRef.optional().describe('an invoice of the account, when the account is not named') })
        .strict()
        .refine((x) => (x.accountId === undefined) !== (x.invoice === undefined), 'name the account or one of its invoices, not both'),
    }),
    operationTool(ctx, 'collections', listDunningCandidates, {
      name: 'list_dunning_candidates',
      kind: 'analysis',
      description: 'Across all accounts: those whose next dunning step is due today, longest past due first, with the step, the days past due and the overdue balance. Proposes nothing.',
      schema: z.object({ limit: z.number().int().min(1).max(50).default(20) }).strict(),
    }),
    proposalTool(ctx, 'collections', proposeAccountDunningStep, {
      name: 'propose_dunning_step',
      description: 'Propose the next due dunning step of an account (reminder, final notice, suspension warning, suspension). It waits for an approver.',
      schema: z.object({ accountId, reason }).strict(),
      toInput: ({ accountId: a, reason: why }) => ({ accountId: a, reason: why }),
    }),
    proposalTool(ctx, 'collections', proposeAccountPaymentPlan, {
      name: 'propose_payment_plan',
      description: "Propose spreading an account's open balance over 2 to 24 monthly instalments that add up to it exactly. It waits for an approver.",
      schema: z.object({ accountId, instalments: z.number().int().min(2).max(24), reason }).strict(),
      toInput: ({ accountId: a, instalments, reason: why }) => ({ accountId: a, instalments, reason: why }),
    }),
    proposalTool(ctx, 'collections', proposeCreditNote, {
      name: 'propose_fee_waiver',
      description:
        'Propose waiving a fee line of an issued invoice (named by line id or by words of its description, e.g. "monthly fee"); the credit note with its tax is computed now. It waits for an approver; nothing is credited now.',
      schema: z.object({ invoice: invoiceRef, lineId: lineId.optional(), fee: z.string().trim().min(2).max(100).optional().describe('words of the fee line description'), reason }).strict(),
      toInput: ({ invoice, lineId: id, fee, reason: why }) => ({ number: invoice, kind: 'fee_waiver' as const, lineId: id, lineQuery: fee, reason: why }),
    }),
    proposalTool(ctx, 'collections', proposeCreditNote, {
      name: 'propose_credit',
      description:
        'Propose a goodwill credit (net amount) against a line of an issued invoice (the largest charge when none is named); tax is computed by the tools. It waits for an approver; nothing is credited now.',
      schema: z.object({ invoice: invoiceRef, amount, lineId: lineId.optional(), reason }).strict(),
      toInput: ({ invoice, amount: a, lineId: id, reason: why }) => ({ number: invoice, kind: 'credit' as const, amount: a, lineId: id, reason: why }),
    }),
    refundTool(ctx),
  ];
}

/**
 * `propose_refund`: a refund of an account's credit balance (or part of it) to an IBAN, for an
 * approver; the answer says whether the destination check flagged it (and why), from the payload.
 */
function refundTool(ctx: AgentContext): AgentTool {
  const octx = proposalContext(ctx, 'collections');
  return defineAgentTool(ctx, 'collections', {
    name: 'propose_refund',
    kind: 'proposal',
    description:
      "Propose refunding an account's credit balance (all of it, or an amount up to it) to an IBAN. Refused beyond the credit balance. A destination the account never paid from is flagged on the proposal with its evidence. It waits for an approver; nothing is paid now.",
    schema: z
      .object({
        accountId,
        amount: amount.optional(),
        iban: z.string().trim().min(15).max(42).describe('the IBAN to pay the refund to, as the analyst gave it'),
        holderName: z.string().trim().min(2).max(140).optional(),
        reason,
      })
      .strict(),
    run: async (args) => {
      const out = await runOperation(proposeAccountRefund, octx, args);
      const p = out.proposal;
      const check = p.kind === 'refund' ? p.payload.destinationCheck : null;
      return {
        ...(await proposalResult(ctx, out)),
        destination: p.kind === 'refund' ? p.payload.iban : null,
        flagged: check ? !check.passed : false,
        signals: check?.signals ?? [],
        alertId: out.alertId,
      };
    },
  });
}
