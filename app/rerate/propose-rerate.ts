import { z } from 'zod';
import { callCategorySchema } from '../../tools/classify/classification.types.ts';
import { BillingError } from '../../tools/errors.ts';
import { dec, ZERO } from '../../tools/money/index.ts';
import { accountOfLine, eventCost } from '../../db/rerate-store.ts';
import { rolledBack, type Store } from '../../db/open-database.ts';
import { previewRerate } from './rerate-account.ts';
import { createProposal, type Requester, type StoredProposal } from '../../db/proposal-store.ts';
import { tenantAccount, tenantEvent } from '../../db/tenant-scope.ts';
import { listTariffVersions } from '../../db/tariff-store.ts';
import { rerateAccount } from './rerate-account.ts';
import { setEventCategory } from '../../db/usage-store.ts';
import { defineOperation } from '../operation.ts';
import { proposalCreatedSchema, reasonSchema, requesterOf } from '../proposals/requester.ts';

type Preview = ReturnType<typeof previewRerate>;

function noteTotal(p: Preview): string {
  return p.notes.reduce((s, n) => s.plus(dec(n.total).abs()), ZERO).toString();
}

/**
 * Proposes re-rating an account's period with the tariff now in effect: the re-rate is run for
 * real inside a transaction that is rolled back, so the proposal shows the notes it would issue.
 */
export function proposeRerate(store: Store, who: Requester, req: { accountId: string; period: string; reason: string }): { proposal: StoredProposal<'rerate'>; existing: boolean } {
  const { account } = tenantAccount(store, who.tenant, req.accountId);
  const preview = previewRerate(store, account.id, req.period);
  if (preview.failed.length) throw new BillingError('CONFLICT', `re-rating ${account.id} fails: ${preview.failed[0]!.message}`);
  if (preview.events.changed === 0) throw new BillingError('CONFLICT', `re-rating ${account.id} for ${req.period} changes nothing: every event already has its current price`);
  const latest = listTariffVersions(store).reduce<{ id: number } | undefined>((m, v) => (!m || v.id > m.id ? v : m), undefined);
  return createProposal(store, who, {
    kind: 'rerate',
    accountId: account.id,
    currency: account.currency,
    amount: noteTotal(preview),
    summary: `Re-rate ${account.id} for ${req.period}: ${preview.events.repriced} of ${preview.events.considered} events change price; ${preview.notes.map((n) => `${n.kind.replace('_', ' ')} of ${n.total} ${account.currency}`).join(', ') || 'no note (invoice not issued)'}`,
    payload: { period: req.period, events: preview.events, notes: preview.notes, rebilled: preview.rebilled },
    reason: req.reason,
    targetKey: `rerate:${account.id}:${req.period}:${latest?.id ?? 0}`,
  });
}

/**
 * Proposes giving a usage event another category (the categoriser's finding): the re-rate it
 * implies is previewed the same way, so the change to the charge is known before anyone approves.
 */
export function proposeRecategorisation(store: Store, who: Requester, req: { eventId: number; category: string; reason: string }): { proposal: StoredProposal<'recategorise'>; existing: boolean } {
  const category = callCategorySchema.safeParse(req.category);
  if (!category.success) throw new BillingError('INVALID_INPUT', `unknown category ${req.category}; one of ${callCategorySchema.options.join(', ')}`);
  const event = tenantEvent(store, who.tenant, req.eventId);
  if (event.category === category.data) throw new BillingError('CONFLICT', `event ${event.id} is already ${category.data}`);
  const number = event.subscriber.replace(/^\+/, '');
  const lineAccount = accountOfLine(store, number);
  if (!lineAccount) throw new BillingError('CONFLICT', `event ${event.id} belongs to no line (${event.subscriber}); nothing to bill`);
  const { account } = tenantAccount(store, who.tenant, lineAccount);
  const period = event.startTime.slice(0, 7);
  // Re-rated inside one rolled-back transaction with the new category: the new cost is read before it is undone.
  const { preview, newCost } = rolledBack(store, () => {
    setEventCategory(store, who.tenant, event.id, category.data, 'preview');
    const preview = rerateAccount(store, account.id, period);
    return { preview, newCost: eventCost(store, event.id) };
  });
  const delta = dec(newCost ?? '0').minus(dec(event.cost ?? '0'));
  return createProposal(store, who, {
    kind: 'recategorise',
    accountId: account.id,
    currency: account.currency,
    amount: delta.abs().toString(),
    summary: `Recategorise event ${event.id} from ${event.category} to ${category.data}: rated cost ${event.cost ?? 'none'} -> ${newCost ?? 'none'} ${account.currency}`,
    payload: { eventId: event.id, period, from: event.category, category: category.data, oldCost: event.cost, newCost, notes: preview.notes },
    reason: req.reason,
    targetKey: `recategorise:${event.id}:${category.data}`,
  });
}

/** `usage.propose-recategorisation`: asks for an event to get another category; the re-rating it implies is previewed. */
export const proposeEventRecategorisation = defineOperation({
  name: 'usage.propose-recategorisation',
  summary: 'Propose recategorising an event',
  effect: 'propose',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ eventId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), category: callCategorySchema, reason: reasonSchema }).strict(),
  output: proposalCreatedSchema,
  handler: (ctx, { eventId, category, reason }) => proposeRecategorisation(ctx.store, requesterOf(ctx), { eventId, category, reason }),
});
