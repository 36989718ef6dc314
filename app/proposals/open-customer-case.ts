import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createProposal, listProposals as listStoredProposals, type StoredProposal } from '../../db/proposal-store.ts';
import type { InvoiceLine } from '../../tools/invoice/invoice.types.ts';
import { BillingError } from '../../tools/errors.ts';
import { dec, minorUnits } from '../../tools/money/index.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import type { OperationContext } from '../context.ts';
import { defineOperation } from '../operation.ts';
import { proposalCreatedSchema, requesterOf } from './requester.ts';

const CASE_KINDS = ['customer_dispute', 'callback_request'] as const;
type CaseKind = (typeof CASE_KINDS)[number];

// Words that name no line ("the roaming charge on my bill"): left out when a line is looked for by words.
const NOT_LINE_WORDS = new Set(['the', 'charge', 'charges', 'charged', 'fee', 'fees', 'cost', 'costs', 'line', 'item', 'amount', 'this', 'that', 'my', 'bill', 'invoice', 'for', 'and', 'on']);

// How customers name what invoice lines call otherwise.
const LINE_SYNONYMS: Record<string, string> = { international: 'other countries', abroad: 'roaming', landline: 'landlines', sms: 'texts', text: 'texts', internet: 'data' };

/** The one line the customer's words name ("the roaming charge"), when exactly one charge line matches; a case never fails for want of one. */
function lineNamed(lines: InvoiceLine[], query: string | undefined): InvoiceLine | undefined {
  if (!query) return undefined;
  const words = query
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !NOT_LINE_WORDS.has(w))
    .map((w) => LINE_SYNONYMS[w] ?? w);
  if (!words.length) return undefined;
  const found = lines.filter((l) => dec(l.amount).greaterThan(0) && words.some((w) => l.description.toLowerCase().includes(w)));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Opens a customer's case for analysts: a dispute about their account (optionally one invoice and
 * line) or a callback request, with the customer's words as data. Amount 0: it moves no money and
 * approves nothing; an open case for the same thing (a dispute of the same invoice, any callback
 * request of the account) is returned instead of a second one.
 */
export function openCustomerCase(
  ctx: OperationContext,
  req: { kind: CaseKind; invoice?: string; lineId?: string; line?: string; words: string },
): { proposal: StoredProposal<CaseKind>; existing: boolean } {
  const accountId = ctx.scope.accountId;
  if (accountId === undefined) throw new BillingError('FORBIDDEN', 'a case is opened by the customer whose account it is');
  const { account } = ctx.scope.account(accountId);
  // Through the scope: another account's invoice is NOT_FOUND, like a missing one.
  const inv = req.invoice !== undefined ? ctx.scope.invoice(req.invoice) : undefined;
  let line: InvoiceLine | undefined;
  if (inv && req.lineId !== undefined) {
    line = inv.document.lines.find((l) => l.id === req.lineId);
    if (!line) throw new BillingError('NOT_FOUND', `no line ${req.lineId} on invoice ${inv.number ?? inv.id}`);
  } else if (inv) line = lineNamed(inv.document.lines, req.line);
  // One open dispute per invoice (or about the account as a whole), one open callback request per account.
  const open = listStoredProposals(ctx.store, ctx.tenant, { status: ['pending'], kind: req.kind, accountId, limit: 50 }).find(
    (p) => req.kind === 'callback_request' || p.invoiceId === (inv?.id ?? null),
  );
  if (open) return { proposal: open as StoredProposal<CaseKind>, existing: true };
  const about = inv ? ` about invoice ${inv.number ?? inv.id}${line ? `, line "${line.description}"` : ''}` : '';
  // The summary is built from ids only: the customer's words stay in the payload and reason, as data.
  const summary = req.kind === 'customer_dispute' ? `Customer dispute from account ${accountId}${about} (portal chat)` : `Callback request from account ${accountId}${about} (portal chat)`;
  return createProposal(ctx.store, requesterOf(ctx), {
    kind: req.kind,
    accountId,
    invoiceId: inv?.id ?? null,
    currency: account.currency,
    amount: dec(0).toFixed(minorUnits(account.currency)),
    summary,
    payload: {
      accountId,
      invoiceId: inv?.id ?? null,
      invoiceNumber: inv?.number ?? null,
      lineId: line?.id ?? null,
      lineDescription: line?.description ?? null,
      words: req.words,
      channel: 'portal_chat',
    },
    reason: req.words.slice(0, 500),
    // Each case is its own (handled cases stay on record); the open one is found above.
    targetKey: `${req.kind}:${accountId}:${randomUUID()}`,
  });
}

/** `proposals.open-customer-case`: a customer's dispute or callback request, queued for analysts; it moves no money. */
export const openCustomerCaseOp = defineOperation({
  name: 'proposals.open-customer-case',
  summary: 'Open a customer case',
  effect: 'propose',
  roles: ['customer'],
  input: z
    .object({
      kind: z.enum(CASE_KINDS),
      invoice: invoiceNumberSchema.optional().describe('the invoice it is about'),
      lineId: z.string().min(1).max(200).optional().describe('the invoice line it is about'),
      line: z.string().trim().min(2).max(100).optional().describe('words naming the line ("the roaming charge"), when the id is not known'),
      words: z.string().trim().min(3).max(2000).describe("the customer's own words"),
    })
    .strict(),
  output: proposalCreatedSchema,
  handler: (ctx, input) => openCustomerCase(ctx, input),
});
