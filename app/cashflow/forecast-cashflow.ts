import { z } from 'zod';
import { loadCashflowData } from '../../db/index.ts';
import { cashflowForecastSchema, forecastCashflow, MAX_WEEKS } from '../../tools/cashflow/index.ts';
import { dec } from '../../tools/money/index.ts';
import { calendarDateSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { accountRiskBands } from './account-risk-bands.ts';

const STAFF = ['analyst', 'approver', 'admin'] as const;

/**
 * `cashflow.forecast`: the tenant's expected receipts per week for the next weeks from its open
 * invoices (docs/cashflow.md), with the accounts whose collection would bring the most cash
 * soonest. Read only: nothing is proposed or sent.
 */
export const forecastTenantCashflow = defineOperation({
  name: 'cashflow.forecast',
  summary: 'Forecast cash receipts',
  effect: 'read',
  roles: [...STAFF],
  input: z
    .object({
      weeks: z.coerce.number().int().min(1).max(MAX_WEEKS).default(MAX_WEEKS).describe('weeks ahead (1 to 13)'),
      actionWeeks: z.coerce.number().int().min(1).max(MAX_WEEKS).default(4).describe('how soon the accounts to chase should pay (weeks)'),
      actions: z.coerce.number().int().min(0).max(100).default(10).describe('how many accounts to chase to list'),
      invoices: z.coerce.number().int().min(0).max(1000).default(20).describe('how many open invoices to list (largest open first)'),
      asOf: calendarDateSchema.optional().describe('the day to forecast from (default today)'),
    })
    .strict(),
  output: cashflowForecastSchema.extend({ openInvoices: z.record(z.string(), z.number().int()) }),
  handler: (ctx, input) => {
    const asOf = input.asOf ?? ctx.clock.today();
    const data = loadCashflowData(ctx.store, ctx.tenant);
    const forecast = forecastCashflow({
      asOf,
      weeks: input.weeks,
      ...data,
      bands: accountRiskBands(ctx.store, ctx.tenant, asOf),
      actionWeeks: Math.min(input.actionWeeks, input.weeks),
      actionLimit: input.actions,
    });
    return {
      ...forecast,
      // How many open invoices each currency has (the list below is the largest only).
      openInvoices: Object.fromEntries(forecast.currencies.map((c) => [c.currency, c.invoices.length])),
      currencies: forecast.currencies.map((c) => ({
        ...c,
        invoices: [...c.invoices].sort((a, b) => dec(b.open).comparedTo(a.open) || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)).slice(0, input.invoices),
      })),
    };
  },
});
