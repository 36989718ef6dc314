import { z } from 'zod';
import { createProposal, inTransaction, saveFraudDetection, tenantFraudThresholds, type Requester, type Store, type StoredProposal } from '../../db/index.ts';
import { accountHolders, lastCreditEntry, paymentFacts } from '../../db/payment-fraud-store.ts';
import { accountCreditBalance } from '../../db/payment-store.ts';
import { tenantAccount } from '../../db/tenant-scope.ts';
import { BillingError } from '../../tools/errors.ts';
import { dec, minorUnits } from '../../tools/money/index.ts';
import { addDays } from '../../tools/time/index.ts';
import { checkRefundAmount, checkRefundDestination, isValidIban, maskInstrument, normaliseIban } from '../../tools/payment-fraud/index.ts';
import { accountIdSchema, decimalStringSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { proposalCreatedSchema, reasonSchema, requesterOf } from '../proposals/requester.ts';

/** What a refund asks: the account, how much of its credit (all of it when not given), to which IBAN and holder, and why. */
export interface RefundAsk {
  accountId: string;
  amount?: string;
  iban: string;
  holderName?: string;
  reason: string;
  today: string;
}

/**
 * Proposes refunding an account's credit balance (or part of it) to an IBAN, for a second person
 * to approve (nothing is paid here). Refused beyond the balance. The destination is checked
 * against the IBANs the account paid from (check c, docs/payment-fraud.md): a destination that
 * fails is flagged on the proposal (the evidence in its payload and summary) and raised as a
 * refund_destination alert, and still needs its approval like any other.
 */
export function proposeRefund(store: Store, who: Requester, ask: RefundAsk): { proposal: StoredProposal<'refund'>; existing: boolean; alertId: number | null } {
  const { account, customer } = tenantAccount(store, who.tenant, ask.accountId);
  if (!isValidIban(ask.iban)) throw new BillingError('INVALID_INPUT', `"${ask.iban}" is not a valid IBAN (ISO 13616: country, check digits, account; the check digits must add up)`);
  const iban = normaliseIban(ask.iban);
  const holderName = ask.holderName?.trim() || customer.name;
  return inTransaction(store, () => {
    const balance = dec(accountCreditBalance(store, who.tenant, account.id)).toFixed(minorUnits(account.currency));
    const amount = checkRefundAmount(ask.amount ?? balance, balance, account.currency);
    const t = tenantFraudThresholds(store, who.tenant);
    const since = addDays(ask.today, -t.refundDestination.lookbackDays);
    const facts = paymentFacts(store, who.tenant, { since, accountIds: [account.id], ibans: [iban] });
    const holders = accountHolders(store, who.tenant, [account.id, ...facts.map((f) => f.accountId).filter((a): a is string => !!a)]);
    // The check is run once with the proposal id unknown (0), then the alert is keyed by the real one.
    const request = { proposalId: 0, accountId: account.id, amount, currency: account.currency, iban, name: holderName, requestedOn: ask.today };
    const check = checkRefundDestination(request, facts, holders, { ...t.refundDestination, wordMatch: t.payerName.wordMatch });
    const flag = check.passed ? null : check.alert;
    const created = createProposal(store, who, {
      kind: 'refund',
      accountId: account.id,
      currency: account.currency,
      amount,
      summary: `Refund ${amount} ${account.currency} of account ${account.id}'s credit balance (${balance}) to ${maskInstrument(iban)} (${holderName})${flag ? ` — FLAGGED (${flag.severity}): this IBAN never paid the account` : ''}`,
      payload: {
        accountId: account.id,
        iban,
        holderName,
        creditBalance: balance,
        destinationCheck: {
          passed: check.passed,
          paidFrom: check.paidFrom,
          severity: flag?.severity ?? null,
          summary: flag?.summary.replace('(proposal 0)', '').replace(/ {2,}/g, ' ') ?? null,
          signals: flag?.evidence.signals ?? [],
        },
      },
      reason: ask.reason,
      // About the balance as of its newest ledger row: asking again while it is open finds it; after a refund is paid, the balance is a new one.
      targetKey: `refund:${account.id}:${lastCreditEntry(store, who.tenant, account.id)}`,
    });
    let alertId: number | null = null;
    if (flag && !created.existing) {
      const id = created.proposal.id;
      const keyed = checkRefundDestination({ ...request, proposalId: id }, facts, holders, { ...t.refundDestination, wordMatch: t.payerName.wordMatch });
      if (!keyed.passed) alertId = saveFraudDetection(store, who.tenant, { alerts: [keyed.alert], states: [], source: 'payments' })[0] ?? null;
    }
    return { proposal: created.proposal, existing: created.existing, alertId };
  });
}

/** `payments.propose-refund`: refund an account's credit balance (or part of it) to an IBAN; another person approves. */
export const proposeAccountRefund = defineOperation({
  name: 'payments.propose-refund',
  summary: 'Propose refunding an account credit balance',
  effect: 'propose',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      accountId: accountIdSchema,
      amount: decimalStringSchema.optional().describe('how much of the credit balance (all of it when not given)'),
      iban: z.string().trim().min(15).max(42).describe('the IBAN to pay the refund to'),
      holderName: z.string().trim().min(2).max(140).optional().describe("the destination account holder's name (the customer's when not given)"),
      reason: reasonSchema,
    })
    .strict(),
  output: proposalCreatedSchema.extend({ alertId: z.number().int().nullable().describe('the refund_destination alert raised when the destination is flagged') }),
  handler: (ctx, { accountId, amount, iban, holderName, reason }) => {
    ctx.scope.account(accountId);
    return proposeRefund(ctx.store, requesterOf(ctx), { accountId, iban, reason, today: ctx.clock.today(), ...(amount ? { amount } : {}), ...(holderName ? { holderName } : {}) });
  },
});
