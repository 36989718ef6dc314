import { z } from 'zod';
import { rankDunningCandidates, type DunningCandidate } from '../../tools/collections/index.ts';
import { accountsWithOpenInvoices } from '../../db/collections-store.ts';
import type { Store } from '../../db/open-database.ts';
import { decimalStringSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { accountCollections } from './propose-collections.ts';

/**
 * The tenant's accounts whose next dunning step is due on a date: every account with an open
 * invoice, its dunning plan computed as for one account, ranked (longest past due first).
 */
export function tenantDunningCandidates(store: Store, tenant: string, asOf: string): { asOf: string; accountsWithOpenInvoices: number; candidates: DunningCandidate[] } {
  const ids = accountsWithOpenInvoices(store, tenant);
  const plans = ids.map((id) => ({ accountId: id, dunning: accountCollections(store, tenant, id, asOf).dunning }));
  return { asOf, accountsWithOpenInvoices: ids.length, candidates: rankDunningCandidates(plans) };
}

const dunningCandidateSchema = z.object({
  accountId: z.string(),
  daysPastDue: z.number().int(),
  overdueBalance: decimalStringSchema,
  currency: z.string().nullable(),
  nextStep: z.object({ stepId: z.string(), action: z.string(), description: z.string(), lateFee: decimalStringSchema.nullable() }),
  laterSteps: z.number().int(),
});

/** `collections.dunning-candidates`: the accounts whose next dunning step is due today, longest past due first. Proposes nothing. */
export const listDunningCandidates = defineOperation({
  name: 'collections.dunning-candidates',
  summary: 'List dunning candidates',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ limit: z.number().int().min(1).max(500).default(20) }).strict(),
  output: z.object({ asOf: z.string(), accountsWithOpenInvoices: z.number().int(), candidates: z.array(dunningCandidateSchema), totalCandidates: z.number().int() }),
  handler: (ctx, { limit }) => {
    const all = tenantDunningCandidates(ctx.store, ctx.tenant, ctx.clock.today());
    return { ...all, candidates: all.candidates.slice(0, limit), totalCandidates: all.candidates.length };
  },
});
