import { eq } from 'drizzle-orm';
import { zodToBillingError } from '../tools/schemas/index.ts';
import { billingSettingsSchema, type BillingSettings } from '../tools/invoice/billing-settings.types.ts';
import type { Store } from './open-database.ts';
import { settings } from './schema.ts';

const KEY = 'billing';

/** The operator's invoicing settings, with defaults for anything never set. */
export function getBillingSettings(store: Store): BillingSettings {
  const row = store.db.select().from(settings).where(eq(settings.key, KEY)).get();
  return billingSettingsSchema.parse(row ? JSON.parse(row.value) : {});
}

/** Replaces the invoicing settings after validating them. */
export function setBillingSettings(store: Store, value: unknown): BillingSettings {
  const parsed = billingSettingsSchema.safeParse(value);
  if (!parsed.success) throw zodToBillingError(parsed.error, 'INVALID_CONFIG', 'invalid billing settings');
  const now = new Date().toISOString();
  const json = JSON.stringify(parsed.data);
  store.db
    .insert(settings)
    .values({ key: KEY, value: json, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now } })
    .run();
  return parsed.data;
}
