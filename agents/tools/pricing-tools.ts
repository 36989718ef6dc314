import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { showPricingWhatIf, showUsageTrends, type PricingWhatIf } from '../../app/pricing/index.ts';
import { BillingError } from '../../tools/errors.ts';
import type { AgentContext } from '../context.ts';
import type { AgentTool } from './define-agent-tool.ts';
import { operationTool } from './operation-tool.ts';
import { period } from './tool-args.types.ts';

/** A proposal file's name: a plain name in the what-if folder, never a path (the model cannot reach any other file). */
const proposalFile = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.(?:ya?ml|json)$/, 'a file name such as tariff-2026.yaml (no folders)')
  .describe('a file in the what-if folder (whatif/ beside the database)');

/** The folder proposed tariffs and catalogs are put in for the agents: whatif/ beside the database. */
export function whatIfFolder(ctx: AgentContext): string {
  return join(dirname(ctx.store.path), 'whatif');
}

function readProposal(ctx: AgentContext, name: string): { text: string; fileName: string } {
  try {
    return { text: readFileSync(join(whatIfFolder(ctx), name), 'utf8'), fileName: name };
  } catch {
    throw new BillingError('FILE_NOT_FOUND', `no file ${name} in the what-if folder (whatif/ beside the database); put the proposed tariff or catalog there`);
  }
}

/** What the model reads of a what-if: the totals, the groups that moved, a few customers each way. */
function shortReport(o: PricingWhatIf) {
  const moved = (rows: PricingWhatIf['byCategory']) => rows.filter((r) => r.change !== '0.00').slice(0, 8);
  return {
    period: o.period,
    currency: o.currency,
    tariff: o.tariff,
    catalog: o.catalog,
    accounts: o.accounts,
    changedAccounts: o.changedAccounts,
    total: o.total,
    byCategory: moved(o.byCategory),
    bySegment: o.bySegment,
    byPlan: moved(o.byPlan),
    increases: o.increases.slice(0, 5),
    decreases: o.decreases.slice(0, 5),
    events: o.events,
    skipped: { noInvoice: o.skipped.noInvoice, otherCurrency: o.skipped.otherCurrency, failed: o.skipped.failed.length },
    ms: o.ms.total,
  };
}

/** The pricing tools (on the rater): a past month under a proposed tariff or catalog, and usage trends. */
export function pricingTools(ctx: AgentContext): AgentTool[] {
  return [
    operationTool(ctx, 'rater', showPricingWhatIf, {
      name: 'pricing_what_if',
      kind: 'analysis',
      description:
        'Re-price a past billing month under a proposed tariff file and/or catalog file from the what-if folder, in memory (nothing stored changes): revenue billed and with the proposal, by category, segment and plan, and the customers most affected, exact to the cent.',
      schema: z
        .object({ period, tariffFile: proposalFile.optional(), catalogFile: proposalFile.optional() })
        .strict()
        .refine((x) => x.tariffFile !== undefined || x.catalogFile !== undefined, 'name a tariff file, a catalog file or both'),
      toInput: ({ period: p, tariffFile, catalogFile }) => ({
        period: p,
        ...(tariffFile ? { tariff: { format: 'native' as const, ...readProposal(ctx, tariffFile) } } : {}),
        ...(catalogFile ? { catalog: readProposal(ctx, catalogFile) } : {}),
        top: 5,
      }),
      toResult: shortReport,
    }),
    operationTool(ctx, 'rater', showUsageTrends, {
      name: 'usage_trends',
      kind: 'read',
      description: 'Usage and rated amount per category per month (or day), forecast a few buckets ahead with the method that back-tests best, and the back-test error (MAPE).',
      schema: z
        .object({
          bucket: z.enum(['month', 'day']).optional(),
          horizon: z.number().int().min(1).max(24).optional(),
        })
        .strict(),
      toInput: (args) => ({ ...args }),
      toResult: (o) => ({
        bucket: o.bucket,
        from: o.buckets[0] ?? null,
        to: o.buckets[o.buckets.length - 1] ?? null,
        future: o.future,
        currency: o.currency,
        note: o.note,
        ratedMape: o.ratedMape,
        quantityMape: o.quantityMape,
        total: { last: o.total.history[o.total.history.length - 1] ?? null, forecast: o.total.forecast, method: o.total.model.method, mape: o.total.model.backtest?.mape ?? null },
        categories: o.categories.map((c) => ({
          key: c.key,
          unit: c.unit,
          last: c.history[c.history.length - 1]?.quantity ?? null,
          forecast: c.forecast.map((f) => f.quantity),
          method: c.quantityModel.method,
          mape: c.quantityModel.backtest?.mape ?? null,
        })),
      }),
    }),
  ];
}
