import { describe, expect, it } from 'vitest';
import { findRateChanges } from './find-rate-changes.ts';
import { business, customer, expectBillingError } from './test-fixtures.ts';

describe('findRateChanges', () => {
  it('finds the real 2024-2025 standard-rate changes', () => {
    expect(findRateChanges(customer('FI'), 'FI', '2024-08-01', '2024-10-01')).toEqual(['2024-09-01']);
    expect(findRateChanges(customer('SK'), 'SK', '2024-12-15', '2025-01-15')).toEqual(['2025-01-01']);
    expect(findRateChanges(customer('EE'), 'EE', '2023-12-01', '2025-08-01')).toEqual(['2024-01-01', '2025-07-01']);
    expect(findRateChanges(customer('RO'), 'RO', '2025-07-15', '2025-08-15')).toEqual(['2025-08-01']);
    expect(findRateChanges(customer('DE'), 'DE', '2020-01-01', '2021-06-01')).toEqual(['2020-07-01', '2021-01-01']);
  });

  it('reports only days strictly inside the period', () => {
    expect(findRateChanges(customer('FI'), 'FI', '2024-09-01', '2024-10-01')).toEqual([]);
    expect(findRateChanges(customer('FI'), 'FI', '2024-08-01', '2024-09-01')).toEqual([]);
    expect(findRateChanges(customer('FI'), 'FI', '2024-09-01', '2024-09-01')).toEqual([]);
    expect(findRateChanges(customer('FR'), 'FR', '2024-01-01', '2025-12-31')).toEqual([]);
  });

  it('finds nothing for a reverse-charged customer or one exempt from the rule', () => {
    expect(findRateChanges(business('FI', 'FI20774740'), 'DE', '2024-08-01', '2024-10-01')).toEqual([]);
    expect(findRateChanges(customer('FI', { exemptions: ['EU-VAT-FI'] }), 'FI', '2024-08-01', '2024-10-01')).toEqual([]);
    // the same business billed from Finland is taxed, so the change matters
    expect(findRateChanges(business('FI', 'FI20774740'), 'FI', '2024-08-01', '2024-10-01')).toEqual(['2024-09-01']);
  });

  it('finds the quarterly USF factor changes but not per-line fee changes', () => {
    expect(findRateChanges(customer('US', { region: 'CA' }), 'US', '2025-02-15', '2025-10-15')).toEqual(['2025-04-01', '2025-07-01', '2025-10-01']);
    // the end of the known factors is a boundary too: billing past it must be split (and then refused)
    expect(findRateChanges(customer('US', { region: 'TX' }), 'US', '2026-03-15', '2026-04-15')).toEqual(['2026-04-01']);
  });

  it('refuses bad dates and unknown countries', () => {
    expectBillingError(() => findRateChanges(customer('DE'), 'DE', '2025-13-01', '2025-12-01'), 'INVALID_INPUT', /2025-13-01 is not a calendar date/);
    expectBillingError(() => findRateChanges(customer('DE'), 'DE', '2025-02-01', '2025-01-01'), 'INVALID_INPUT', /is not a period/);
    expectBillingError(() => findRateChanges(customer('NO'), 'DE', '2025-01-01', '2025-02-01'), 'INVALID_INPUT', /customer country "NO"/);
  });
});
