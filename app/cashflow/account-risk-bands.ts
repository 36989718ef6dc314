import type { Store } from '../../db/index.ts';
import type { RiskBand } from '../../tools/cashflow/index.ts';

/**
 * The payment-risk band of each account of a tenant, as the forecast takes it: the collections
 * payment-risk score's band (`{ score, band }`, docs/collections.md) once that score is on main.
 * Until then no account has a band, and the forecast takes every one as medium. The one place to
 * wire the score in (docs/cashflow.md, "Risk").
 */
export function accountRiskBands(_store: Store, _tenant: string, _asOf: string): Record<string, RiskBand> {
  return {};
}
