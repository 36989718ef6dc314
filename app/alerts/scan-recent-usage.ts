import { z } from 'zod';
import { getOperatorSettings, recentFraudEvents, saveFraudDetection, tenantFraudThresholds, type Store } from '../../db/index.ts';
import { createFraudStage } from '../../tools/fraud/index.ts';
import { defineOperation } from '../operation.ts';

const DAY_MS = 86_400_000;

/**
 * The scheduled pass: runs every detector over the tenant's usage of the last `days` days as
 * stored (what crosses file boundaries, what was rated after it was ingested). The events
 * themselves are the baseline here, so no kept state is read or written (the ingest stage
 * already counted them); alerts share the ingest's keys, so one already raised is not raised again.
 */
export function scanRecentUsage(store: Store, tenant: string, opts: { days: number; now: Date; timezone?: string }): { events: number; alerts: number[] } {
  const until = opts.now.getTime();
  const events = recentFraudEvents(store, tenant, until - opts.days * DAY_MS, until);
  const stage = createFraudStage(tenantFraudThresholds(store, tenant), { timezone: opts.timezone ?? getOperatorSettings(store).timezone ?? 'UTC' });
  for (const e of events) stage.observe(e);
  const { alerts } = stage.finish(() => null);
  return { events: events.length, alerts: saveFraudDetection(store, tenant, { alerts, states: [], source: 'scheduled', at: opts.now }) };
}

/** `alerts.scan`: the scheduled detection pass, run now over the last days of stored usage. */
export const scanAlerts = defineOperation({
  name: 'alerts.scan',
  summary: 'Run the fraud detectors over recent usage',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: z.object({ days: z.coerce.number().int().min(1).max(62).default(35).describe('how many days back (the baselines need four weeks)') }).strict(),
  output: z.object({ events: z.number().int(), alerts: z.array(z.number().int()) }),
  handler: (ctx, { days }) => scanRecentUsage(ctx.store, ctx.tenant, { days, now: ctx.clock.now() }),
});
