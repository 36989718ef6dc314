import { z } from 'zod';
import { dunningPlanSchema, paymentRiskSchema } from '../../tools/collections/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { dec, minorUnits } from '../../tools/money/index.ts';
import { accountIdSchema, calendarDateSchema, decimalStringSchema } from '../../tools/schemas/index.ts';
import { recordNotification } from '../../db/notification-store.ts';
import { insertPromise, listPromises, listRestrictions } from '../../db/promise-store.ts';
import { defineOperation } from '../operation.ts';
import { requesterOf } from '../proposals/requester.ts';
import { accountCollectionsView, runCollections } from './run-collections.ts';

const promiseSchema = z.object({
  id: z.number().int(),
  accountId: z.string(),
  amount: z.string(),
  currency: z.string(),
  promisedFor: z.string(),
  recordedOn: z.string(),
  recordedBy: z.string(),
  note: z.string().nullable(),
  status: z.enum(['open', 'kept', 'broken']),
  closedOn: z.string().nullable(),
});

const promiseOf = (p: z.infer<typeof promiseSchema> & Record<string, unknown>) => promiseSchema.parse(p);

/** `collections.record-promise`: a promise to pay, recorded by the person from the context; the ladder pauses until its date. */
export const recordPaymentPromise = defineOperation({
  name: 'collections.record-promise',
  summary: 'Record a promise to pay',
  effect: 'write',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      accountId: accountIdSchema,
      amount: decimalStringSchema.describe('the amount promised, in the account currency'),
      promisedFor: calendarDateSchema.describe('the day the customer will have paid by'),
      note: z.string().trim().max(500).optional(),
    })
    .strict(),
  output: promiseSchema,
  handler: (ctx, { accountId, amount, promisedFor, note }) => {
    const { account } = ctx.scope.account(accountId);
    const today = ctx.clock.today();
    const currency = account.currency;
    const value = dec(amount);
    if (value.lessThanOrEqualTo(0) || value.decimalPlaces() > minorUnits(currency)) throw new BillingError('INVALID_INPUT', `amount: a promise is a positive amount in ${currency}, not ${amount}`);
    if (promisedFor < today) throw new BillingError('INVALID_INPUT', `promisedFor: ${promisedFor} is before today (${today})`);
    if (listPromises(ctx.store, ctx.tenant, { accountId, status: 'open', limit: 1 }).length > 0) throw new BillingError('CONFLICT', `account ${accountId} already has an open promise to pay`);
    return ctx.store.sqlite.transaction(() => {
      const p = insertPromise(ctx.store, {
        tenant: ctx.tenant,
        accountId,
        amount: value.toFixed(minorUnits(currency)),
        currency,
        promisedFor,
        recordedOn: today,
        recordedBy: ctx.actor.id,
        note: note ?? null,
        at: new Date(),
      });
      recordNotification(ctx.store, {
        key: `promise:${p.id}:recorded`,
        accountId,
        tenant: ctx.tenant,
        payload: { kind: 'payment_promise', promiseId: p.id, status: 'recorded', amount: p.amount, currency, promisedFor },
      });
      return promiseOf(p);
    })();
  },
});

/** `collections.list-promises`: the tenant's promises to pay (one account's, one status), newest first. */
export const listPaymentPromises = defineOperation({
  name: 'collections.list-promises',
  summary: 'List promises to pay',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ accountId: accountIdSchema.optional(), status: z.enum(['open', 'kept', 'broken']).optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
  output: z.object({ promises: z.array(promiseSchema) }),
  handler: (ctx, { accountId, status, limit }) => {
    if (accountId) ctx.scope.account(accountId);
    return { promises: listPromises(ctx.store, ctx.tenant, { ...(accountId ? { accountId } : {}), ...(status ? { status } : {}), limit }).map(promiseOf) };
  },
});

/** `collections.show-account`: an account's payment risk, the ladder it is on today and why it moves or waits, its promises and restrictions. */
export const showAccountCollections = defineOperation({
  name: 'collections.show-account',
  summary: 'Show the payment risk and dunning ladder of an account',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ accountId: accountIdSchema }).strict(),
  output: z.object({
    accountId: z.string(),
    risk: paymentRiskSchema,
    channels: z.array(z.enum(['email', 'sms'])),
    invoiceId: z.number().int().nullable(),
    taken: z.array(z.string()),
    plan: dunningPlanSchema,
    paused: z.string().nullable(),
    disputed: z.array(z.number().int()),
    promises: z.array(promiseSchema),
    restrictions: z.array(z.object({ level: z.string(), proposalId: z.number().int(), lines: z.array(z.string()), at: z.string() })),
  }),
  handler: (ctx, { accountId }) => {
    ctx.scope.account(accountId);
    const view = accountCollectionsView(ctx.store, ctx.tenant, accountId, ctx.clock.today());
    return {
      ...view,
      promises: listPromises(ctx.store, ctx.tenant, { accountId, limit: 20 }).map(promiseOf),
      restrictions: listRestrictions(ctx.store, ctx.tenant, accountId).map(({ level, proposalId, lines, at }) => ({ level, proposalId, lines, at })),
    };
  },
});

/** `collections.run`: the daily collections pass (also the worker's): promises followed up, reminders sent, money and state steps proposed; idempotent. */
export const runCollectionsOp = defineOperation({
  name: 'collections.run',
  summary: 'Run collections: follow up promises, send reminders, propose fees, restrictions and bars',
  effect: 'propose',
  roles: ['analyst', 'admin'],
  input: z.object({}).strict(),
  output: z.object({
    asOf: z.string(),
    accounts: z.number().int(),
    remindersSent: z.number().int(),
    proposed: z.array(z.object({ accountId: z.string(), proposalId: z.number().int(), step: z.string(), existing: z.boolean() })),
    paused: z.array(z.string()),
    promisesKept: z.array(z.number().int()),
    promisesBroken: z.array(z.number().int()),
    idle: z.number().int(),
  }),
  handler: (ctx) => runCollections(ctx.store, requesterOf(ctx), ctx.clock.today()),
});
