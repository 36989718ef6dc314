import { z } from 'zod';
import { allocationsOf, countPaymentStates, creditsOfPayment, listPaymentImports, listPayments as listStoredPayments, tenantPayment } from '../../db/payment-ledger-store.ts';
import { dec } from '../../tools/money/index.ts';
import { PAYMENT_STATES } from '../../tools/payments/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { paymentView, paymentViewSchema } from './payment-view.ts';

const STAFF = ['analyst', 'approver', 'admin'] as const;
const countsSchema = z.object(Object.fromEntries(PAYMENT_STATES.map((s) => [s, z.number().int()])) as Record<(typeof PAYMENT_STATES)[number], z.ZodNumber>);

/** `payments.list`: the tenant's payment entries, newest first, with how many are in each state. */
export const listPayments = defineOperation({
  name: 'payments.list',
  summary: 'List payments',
  effect: 'read',
  roles: [...STAFF],
  input: z
    .object({
      state: z.enum(PAYMENT_STATES).optional().describe('only this state'),
      accountId: accountIdSchema.optional().describe('only payments matched to this account'),
      importId: z.coerce.number().int().positive().optional().describe('only entries of this import'),
      limit: z.coerce.number().int().min(1).max(1000).default(100).describe('at most this many'),
    })
    .strict(),
  output: z.object({ payments: z.array(paymentViewSchema), counts: countsSchema }),
  handler: (ctx, filter) => {
    if (filter.accountId) ctx.scope.account(filter.accountId);
    return { payments: listStoredPayments(ctx.store, ctx.tenant, filter).map(paymentView), counts: countPaymentStates(ctx.store, ctx.tenant) };
  },
});

/** `payments.unmatched`: payments held for a person (unmatched money in that was not sent back), oldest first. */
export const listUnmatchedPayments = defineOperation({
  name: 'payments.unmatched',
  summary: 'List unmatched payments',
  effect: 'read',
  roles: [...STAFF],
  input: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100).describe('at most this many') }).strict(),
  output: z.object({ payments: z.array(paymentViewSchema), total: z.number().int() }),
  handler: (ctx, { limit }) => {
    const all = listStoredPayments(ctx.store, ctx.tenant, { state: 'unmatched', limit: 100_000 }).filter((p) => p.returnedBy === null);
    return { payments: all.reverse().slice(0, limit).map(paymentView), total: all.length };
  },
});

const allocationViewSchema = z.object({ id: z.number().int(), kind: z.string(), invoiceId: z.number().int(), invoiceNumber: z.string().nullable(), amount: z.string(), date: z.string() });

/** `payments.show`: one entry with what it settled (allocations), what became credit, and the import it came from. */
export const showPayment = defineOperation({
  name: 'payments.show',
  summary: 'Show a payment',
  effect: 'read',
  roles: [...STAFF],
  input: z.object({ id: z.coerce.number().int().positive().describe('payment id') }).strict(),
  output: z.object({
    payment: paymentViewSchema,
    allocations: z.array(allocationViewSchema),
    credit: z.array(z.object({ reason: z.string(), amount: z.string(), date: z.string() })),
    import: z.object({ id: z.number().int(), format: z.string(), fileName: z.string().nullable(), createdAt: z.string() }).nullable(),
  }),
  handler: (ctx, { id }) => {
    const p = tenantPayment(ctx.store, ctx.tenant, id);
    const imp = p.importId === null ? null : (listPaymentImports(ctx.store, ctx.tenant, 1000).find((i) => i.id === p.importId) ?? null);
    return {
      payment: paymentView(p),
      allocations: allocationsOf(ctx.store, { paymentId: p.id }).map((a) => ({
        id: a.id,
        kind: a.kind,
        invoiceId: a.invoiceId,
        invoiceNumber: ctx.scope.invoice(String(a.invoiceId)).number,
        amount: a.amount,
        date: a.date,
      })),
      credit: creditsOfPayment(ctx.store, p.id).map((c) => ({ reason: c.reason, amount: c.amount, date: c.date })),
      import: imp ? { id: imp.id, format: imp.format, fileName: imp.fileName, createdAt: imp.createdAt } : null,
    };
  },
});

/** `payments.find`: payments by id, amount, payer words, state or account (what the collections agent reads before proposing a match). */
export const findPayments = defineOperation({
  name: 'payments.find',
  summary: 'Find payments',
  effect: 'read',
  roles: [...STAFF],
  input: z
    .object({
      id: z.coerce.number().int().positive().optional().describe('one payment by id'),
      amount: z
        .string()
        .regex(/^\d+(\.\d+)?$/)
        .optional()
        .describe('the amount, e.g. "25.20"'),
      payer: z.string().trim().min(2).max(100).optional().describe('words of the payer name'),
      state: z.enum(PAYMENT_STATES).optional().describe('only this state'),
      accountId: accountIdSchema.optional().describe('only payments matched to this account'),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    })
    .strict(),
  output: z.object({ payments: z.array(paymentViewSchema), counts: countsSchema }),
  handler: (ctx, f) => {
    if (f.accountId) ctx.scope.account(f.accountId);
    const words = f.payer?.toLowerCase().split(/\s+/) ?? [];
    const rows = f.id
      ? [tenantPayment(ctx.store, ctx.tenant, f.id)]
      : listStoredPayments(ctx.store, ctx.tenant, { ...(f.state ? { state: f.state } : {}), ...(f.accountId ? { accountId: f.accountId } : {}), limit: 5000 }).filter(
          (p) => (!f.amount || dec(p.amount).eq(dec(f.amount))) && words.every((w) => (p.payerName ?? '').toLowerCase().includes(w)),
        );
    return { payments: rows.slice(0, f.limit).map(paymentView), counts: countPaymentStates(ctx.store, ctx.tenant) };
  },
});
