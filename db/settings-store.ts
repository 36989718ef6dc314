import { operatorSettingsSchema, type OperatorSettings } from '../tools/classify/classification.types.ts';
import { BillingError } from '../tools/errors.ts';
import { parseOrThrow, timeZoneSchema, zodToBillingError } from '../tools/schemas/index.ts';
import type { Store } from './open-database.ts';
import { settings } from './schema.ts';

const OPERATOR_KEY = 'operator';

/** The operator's settings as stored, with defaults for anything never set. */
export function getOperatorSettings(store: Store): OperatorSettings {
  const row = store.db
    .select()
    .from(settings)
    .all()
    .find((r) => r.key === OPERATOR_KEY);
  return operatorSettingsSchema.parse(row ? JSON.parse(row.value) : {});
}

const LIST_KEYS = new Set([
  'homeNetworks',
  'onNetPrefixes',
  'localAreaPrefixes',
  'internalExtensions',
  'trunkPrefixes',
  'emergencyNumbers',
  'inboundContexts',
  'outboundContexts',
  'internalContexts',
  'transitContexts',
]);

const NUMBER_KEYS = new Set(['billingDay', 'shortCodeMaxDigits', 'maxRecordAgeDays', 'maxFutureSkewSeconds', 'durationToleranceSeconds', 'maxCallSeconds']);

/** Parses a `config set` value: comma-separated lists for list settings, numbers for numeric ones. */
export function parseSettingValue(key: string, value: string): unknown {
  if (LIST_KEYS.has(key)) return value.trim() === '' ? [] : value.split(',').map((v) => v.trim());
  if (NUMBER_KEYS.has(key)) return Number(value);
  return value;
}

/** Changes one operator setting, validated against the settings schema, and returns the new settings. */
export function setOperatorSetting(store: Store, key: string, value: unknown): OperatorSettings {
  const shape = operatorSettingsSchema.shape as Record<string, unknown>;
  if (!(key in shape)) {
    throw new BillingError('INVALID_INPUT', `unknown setting "${key}"; known: ${Object.keys(shape).join(', ')}`);
  }
  const current = getOperatorSettings(store) as Record<string, unknown>;
  const parsed = operatorSettingsSchema.safeParse({ ...current, [key]: value });
  if (!parsed.success) {
    throw zodToBillingError(parsed.error, 'INVALID_INPUT', `invalid value for ${key}`);
  }
  if (key === 'timezone') parseOrThrow(timeZoneSchema, parsed.data.timezone, `invalid value for ${key}`);
  const now = new Date().toISOString();
  store.db
    .insert(settings)
    .values({ key: OPERATOR_KEY, value: JSON.stringify(parsed.data), updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(parsed.data), updatedAt: now } })
    .run();
  return parsed.data;
}
