import { getOperatorSettings, type Store } from '../../db/index.ts';
import { operatorSettingsSchema, type OperatorSettings } from '../../tools/classify/index.ts';
import { parseOrThrow, timeZoneSchema, zodToBillingError } from '../../tools/schemas/index.ts';

/** The operator settings for one run: stored settings with this run's overrides. */
export function effectiveSettings(store: Store, overrides: { homeCountry?: string; timezone?: string }): OperatorSettings {
  const stored = getOperatorSettings(store);
  if (overrides.timezone) parseOrThrow(timeZoneSchema, overrides.timezone, '--timezone');
  const merged = operatorSettingsSchema.safeParse({
    ...stored,
    ...(overrides.homeCountry ? { homeCountry: overrides.homeCountry } : {}),
    ...(overrides.timezone ? { timezone: overrides.timezone } : {}),
  });
  if (!merged.success) throw zodToBillingError(merged.error);
  return merged.data;
}
