import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from './load-catalog.ts';

const DEMO = readFileSync(join(import.meta.dirname, '../../evals/datasets/demo-operator/catalog.yaml'), 'utf8');

describe('loadCatalog', () => {
  it('reads the demo catalog', () => {
    const c = loadCatalog(DEMO);
    expect(c.plans.map((p) => p.id)).toEqual(['SIM_10', 'TALK_20', 'UNLIMITED_35', 'BUSINESS_25', 'BUSINESS_LINE_15']);
    expect(c.plans[0]!.recurringFee).toBe('10.00');
    expect(c.discounts.map((d) => d.id)).toEqual(['MULTI_LINE', 'LOYALTY']);
  });

  it('refuses a price written as a binary fraction', () => {
    expect(() => loadCatalog(DEMO.replace('recurringFee: "10.00"', 'recurringFee: 9.99'))).toThrow(/plans\.0\.recurringFee: amount 9.99 must be written as a decimal string/);
  });

  it('reports every broken reference at once', () => {
    const broken = DEMO.replace('activationChargeId: ACTIVATION', 'activationChargeId: NOPE').replace('eligibility: { plans: [TALK_20] }', 'eligibility: { plans: [TALK_99] }');
    expect(() => loadCatalog(broken)).toThrow(/plan UNLIMITED_35: unknown activation charge NOPE; promotion FREE_WEEKENDS: unknown plan TALK_99/);
  });

  it('refuses unknown keys, duplicate ids, a discount with both percent and amount, and allowances that can never match', () => {
    expect(() => loadCatalog(DEMO.replace('recurringFee: "10.00"', 'recurringFee: "10.00"\n    recuringFee: "1"'))).toThrow(/INVALID_CATALOG|Unrecognized key/);
    expect(() => loadCatalog(DEMO.replace('id: TALK_20', 'id: SIM_10'))).toThrow(/plan id SIM_10 is defined twice/);
    expect(() => loadCatalog(DEMO.replace('percent: "10"', 'percent: "10"\n    amount: "2"'))).toThrow(/exactly one of percent or amount/);
    expect(() => loadCatalog(DEMO.replace('{ id: SMS, service: sms, amount: 250 }', '{ id: SMS, service: sms, categories: [data], amount: 250 }'))).toThrow(
      /sms allowance SMS lists categories it can never match: data/,
    );
    expect(() => loadCatalog('plans: [')).toThrow(/not valid YAML or JSON/);
  });
});
