import { BILLING_CDRS } from '../../../cli/commands/testing/billing-setup.ts';

/**
 * The ledger's CDRs plus a February for A1's line: a 2-minute mobile call every day (56 minutes,
 * so the line's history says about 2 minutes a day, against March's 13 minutes in its first 4 days).
 */
export const FORECAST_CDRS = [
  ...BILLING_CDRS,
  ...Array.from({ length: 28 }, (_, i) => `f${i + 1},voice,outbound,447700900123,,,,+447812345678,2025-02-${String(i + 1).padStart(2, '0')}T09:00:00Z,120,answered,,`),
];
