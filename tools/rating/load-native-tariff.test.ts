import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BillingError } from '../errors.ts';
import { importCgratesTariffPlan } from './import-cgrates-csv.ts';
import { detectNativeTariffFormat, exportNativeTariff, loadNativeTariff } from './load-native-tariff.ts';

const S = 1_000_000_000;
const NATIVE_FIXTURE = fileURLToPath(new URL('./fixtures/native-basic.yaml', import.meta.url));
const DOCS = fileURLToPath(new URL('../../docs/tariffs.md', import.meta.url));
const CGRATES_FIXTURE = fileURLToPath(new URL('./fixtures/cgrates-basic/', import.meta.url));
const CGRATES_REFERENCE = fileURLToPath(new URL('../../../shared/reference/cgrates/', import.meta.url));
const HAVE_REFERENCE = existsSync(CGRATES_REFERENCE);
if (!HAVE_REFERENCE) console.warn(`skipping CGRateS reference round-trip tests: ${CGRATES_REFERENCE} is absent`);

const nativeText = (): string => readFileSync(NATIVE_FIXTURE, 'utf8');
function readFolder(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => [f, readFileSync(`${dir}/${f}`, 'utf8')]),
  );
}

/** A small valid document to break in error tests (line numbers below refer to it). */
const SMALL = `id: small
currency: EUR
destinations:
  DST_A: ["1"]
rates:
  RT_A: { rate: "0.1", rateUnit: 1s, rateIncrement: 1s }
destinationRates:
  DR_A: { destinationId: DST_A, rateId: RT_A, roundingMethod: up, roundingDecimals: 4 }
ratingPlans:
  RP_A: { destinationRateId: DR_A }
ratingProfiles:
  - { tenant: t, category: call, subject: "*any", activationTime: 2025-01-01T00:00:00Z, ratingPlanId: RP_A }
`;

function loadError(text: string, options: Parameters<typeof loadNativeTariff>[1] = {}): BillingError {
  try {
    loadNativeTariff(text, options);
  } catch (err) {
    expect(err).toBeInstanceOf(BillingError);
    return err as BillingError;
  }
  throw new Error('expected an error');
}

function expectInvalid(text: string, line: number, ...fragments: (string | RegExp)[]): BillingError {
  const err = loadError(text, { fileName: 'plan.yaml' });
  expect(err.code).toBe('INVALID_TARIFF');
  expect(err.message).toContain(`plan.yaml line ${line}:`);
  for (const f of fragments) {
    if (typeof f === 'string') expect(err.message).toContain(f);
    else expect(err.message).toMatch(f);
  }
  return err;
}

describe('loadNativeTariff on native-basic.yaml', () => {
  const { plan, effectiveFrom, messages } = loadNativeTariff(nativeText(), { fileName: 'native-basic.yaml' });

  it('reads the header and effectiveFrom (offset-less, in the plan time zone)', () => {
    expect(plan).toMatchObject({ id: 'nordwind-2025-07', timezone: 'Europe/Berlin', currency: 'EUR' });
    expect(effectiveFrom).toBe(Date.UTC(2025, 5, 30, 22));
    expect(messages).toEqual([]);
  });

  it('reads prefixes written as YAML numbers or a single string as strings', () => {
    expect(plan.destinations).toEqual({ DST_DE_MOBILE: ['4915', '4916', '4917'], DST_DE_FIXED: ['49'], DST_VOICEMAIL: ['voicemail'] });
  });

  it('reads rates: durations, defaults, unquoted amounts exactly, one slot or a list', () => {
    expect(plan.rates.RT_MOBILE_PEAK).toEqual([
      { connectFee: '0.15', rate: '0.19', rateUnit: 60 * S, rateIncrement: 60 * S, groupIntervalStart: 0 },
      { connectFee: '0', rate: '0.09', rateUnit: 60 * S, rateIncrement: S, groupIntervalStart: 60 * S },
    ]);
    expect(plan.rates.RT_BUSINESS).toEqual([{ connectFee: '0', rate: '0.05', rateUnit: 60 * S, rateIncrement: S, groupIntervalStart: 0 }]);
    expect(plan.rates.RT_DATA_KB?.[0]).toMatchObject({ rateUnit: 1024, rateIncrement: 1024 });
    expect(plan.rates.RT_FIXED?.[1]?.groupIntervalStart).toBe(600 * S);
  });

  it('reads destination rates with rounding names with or without "*" and MaxCost', () => {
    expect(plan.destinationRates.DR_MOBILE_PEAK?.[0]?.roundingMethod).toBe('up');
    expect(plan.destinationRates.DR_FIXED?.[0]).toEqual({
      destinationId: 'DST_DE_FIXED',
      rateId: 'RT_FIXED',
      roundingMethod: 'middle',
      roundingDecimals: 4,
      maxCost: '2.5',
      maxCostStrategy: '*free',
    });
    expect(plan.destinationRates.DR_BUSINESS).toHaveLength(2);
  });

  it('reads timings: weekday names, HH:MM, defaults to *any and the whole day', () => {
    expect(plan.timings.TM_PEAK).toEqual({ years: '*any', months: '*any', monthDays: '*any', weekDays: [1, 2, 3, 4, 5], startTime: '08:00:00', endTime: '19:00:00' });
    expect(plan.timings.TM_OFFPEAK_MORNING).toMatchObject({ startTime: '00:00:00', endTime: '08:00:00' });
    expect(plan.timings.TM_WEEKEND?.weekDays).toEqual([6, 7]);
    expect(plan.timings.TM_CHRISTMAS).toMatchObject({ months: [12], monthDays: [25, 26] });
  });

  it('defaults rating-plan timing to *any and weight to 0', () => {
    expect(plan.ratingPlans.RP_RETAIL?.[6]).toEqual({ destinationRateId: 'DR_INTL', timingId: '*any', weight: 0 });
    expect(plan.ratingPlans.RP_DATA).toEqual([{ destinationRateId: 'DR_DATA', timingId: '*any', weight: 10 }]);
  });

  it('stores a segment profile as subject *segment:NAME; reads activation times in every ISO form', () => {
    const july = Date.UTC(2025, 5, 30, 22);
    expect(plan.ratingProfiles).toEqual([
      { tenant: 'nordwind.example', category: 'call', subject: '*any', activationTime: july, ratingPlanId: 'RP_RETAIL', fallbackSubjects: [] },
      { tenant: 'nordwind.example', category: 'call', subject: '*segment:business', activationTime: july, ratingPlanId: 'RP_BUSINESS', fallbackSubjects: ['*any'] },
      { tenant: 'nordwind.example', category: 'data', subject: '*any', activationTime: july, ratingPlanId: 'RP_DATA', fallbackSubjects: [] },
      { tenant: 'nordwind.example', category: 'sms', subject: '*any', activationTime: july, ratingPlanId: 'RP_SMS', fallbackSubjects: [] },
    ]);
  });
});

describe('docs/tariffs.md', () => {
  it('has a native example that loads, with a segment profile and effectiveFrom', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(readFileSync(DOCS, 'utf8'))?.[1];
    expect(example).toBeDefined();
    const { plan, effectiveFrom, messages } = loadNativeTariff(example ?? '', { fileName: 'docs example' });
    expect(effectiveFrom).toBe(Date.UTC(2025, 5, 30, 22));
    expect(plan.ratingProfiles.map((p) => p.subject)).toContain('*segment:business');
    expect(messages).toEqual([]);
  });
});

describe('loadNativeTariff: JSON and exact numbers', () => {
  it('detects JSON by content and reads it to the same plan as the YAML', () => {
    const json = JSON.stringify(parseYaml(nativeText()));
    expect(detectNativeTariffFormat(json)).toBe('json');
    expect(detectNativeTariffFormat(nativeText())).toBe('yaml');
    const fromJson = loadNativeTariff(json);
    expect(fromJson.plan).toEqual(loadNativeTariff(nativeText()).plan);
    expect(loadNativeTariff(json, { format: 'json' }).effectiveFrom).toBe(fromJson.effectiveFrom);
  });

  it('never reads an amount through a binary float, in JSON or YAML', () => {
    const json = JSON.stringify(parseYaml(SMALL)).replace('"rate":"0.1"', '"rate":0.10000000000000000001');
    expect(loadNativeTariff(json).plan.rates.RT_A?.[0]?.rate).toBe('0.10000000000000000001');
    const yaml = SMALL.replace('rate: "0.1"', 'rate: 0.30000000000000000004');
    expect(loadNativeTariff(yaml).plan.rates.RT_A?.[0]?.rate).toBe('0.30000000000000000004');
  });

  it('keeps leading zeros of prefixes written as numbers', () => {
    const yaml = SMALL.replace('DST_A: ["1"]', 'DST_A: [0049, 44]');
    expect(loadNativeTariff(yaml).plan.destinations.DST_A).toEqual(['0049', '44']);
  });

  it('returns effectiveFrom null when the file has none', () => {
    expect(loadNativeTariff(SMALL).effectiveFrom).toBeNull();
  });
});

describe('loadNativeTariff: errors are INVALID_TARIFF with file and line', () => {
  it('a misspelt key (unknown keys are refused)', () => {
    expectInvalid(SMALL.replace('{ rate: "0.1"', '{ conectFee: "0.1", rate: "0.1"'), 6, 'conectFee');
  });

  it('a reference to an unknown DestinationRates id, with the id', () => {
    const err = expectInvalid(SMALL.replace('{ destinationRateId: DR_A }', '{ destinationRateId: DR_B }'), 10, 'RP_A', 'DR_B');
    expect(err.details).toMatchObject({ file: 'plan.yaml', line: 10, id: 'RP_A', reference: 'DR_B' });
  });

  it('a reference to an unknown destination and to an unknown rating plan', () => {
    expectInvalid(SMALL.replace('destinationId: DST_A', 'destinationId: DST_B'), 8, 'DR_A', 'unknown destination "DST_B"');
    expectInvalid(SMALL.replace('ratingPlanId: RP_A }', 'ratingPlanId: RP_B }'), 12, 'RP_B');
  });

  it('bad field values', () => {
    expectInvalid(SMALL.replace('rateUnit: 1s', 'rateUnit: 1 minute'), 6, /rateUnit: invalid duration "1 minute"/);
    expectInvalid(SMALL.replace('rateUnit: 1s', 'rateUnit: -1'), 6, /rateUnit -1 must be a non-negative whole number/);
    expectInvalid(SMALL.replace('rate: "0.1"', 'rate: "-0.1"'), 6, /rate "-0.1" is negative/);
    expectInvalid(SMALL.replace('rateUnit: 1s', 'rateUnit: 0'), 6, /RateUnit 0/);
    expectInvalid(SMALL.replace('roundingMethod: up', 'roundingMethod: ceil'), 8, /unknown rounding method "ceil"/);
    expectInvalid(SMALL.replace('activationTime: 2025-01-01T00:00:00Z', 'activationTime: yesterday'), 12, /"yesterday" is not an ISO 8601/);
    expectInvalid(SMALL.replace('currency: EUR', 'currency: EUD'), 2, /unknown ISO 4217 currency "EUD"/);
    expectInvalid(SMALL.replace('currency: EUR', 'currency: EUR\ntimezone: Mars/Olympus'), 3, /unknown time zone/);
    expectInvalid(SMALL.replace('currency: EUR', 'currency: EUR\neffectiveFrom: soon'), 3, /"soon" is not an ISO 8601/);
  });

  it('a profile with both or neither of subject and segment', () => {
    expectInvalid(SMALL.replace('subject: "*any"', 'subject: "*any", segment: vip'), 12, /exactly one of subject or segment/);
    expectInvalid(SMALL.replace('subject: "*any", ', ''), 12, /exactly one of subject or segment/);
  });

  it('two slots of one rate starting at the same usage', () => {
    const yaml = SMALL.replace(
      'RT_A: { rate: "0.1", rateUnit: 1s, rateIncrement: 1s }',
      'RT_A:\n    - { rate: "0.1", rateUnit: 1s, rateIncrement: 1s }\n    - { rate: "0.2", rateUnit: 1s, rateIncrement: 1s, groupIntervalStart: 0s }',
    );
    expectInvalid(yaml, 8, /RT_A has two slots with groupIntervalStart 0/);
  });

  it('a missing required section', () => {
    expectInvalid(SMALL.replace(/ratingPlans:\n.*\n/, ''), 1, 'missing required field "ratingPlans"');
  });

  it('YAML syntax errors and duplicate keys', () => {
    // the parser notices the unclosed list on the next line
    expectInvalid(SMALL.replace('DST_A: ["1"]', 'DST_A: ["1"'), 5, /invalid YAML/);
    expectInvalid(SMALL.replace('currency: EUR', 'currency: EUR\ncurrency: USD'), 3, /invalid YAML/);
  });

  it('JSON syntax errors', () => {
    const err = loadError('{\n  "id": "x",\n  "currency": "EUR",\n}', { fileName: 'plan.json' });
    expect(err.code).toBe('INVALID_TARIFF');
    expect(err.message).toMatch(/^plan\.json line 4: invalid JSON/);
  });

  it('a document that is not a mapping', () => {
    expect(loadError('- a\n- b\n').message).toMatch(/^tariff\.yaml line 1: a native tariff is a mapping/);
  });

  it('an unknown format argument', () => {
    expect(loadError(SMALL, { format: 'toml' as 'yaml' }).code).toBe('UNSUPPORTED_FORMAT');
  });
});

describe('exportNativeTariff', () => {
  it('writes readable YAML: Go durations, quoted amounts, segments, no *any noise', () => {
    const { plan } = loadNativeTariff(nativeText());
    const yaml = exportNativeTariff(plan, { effectiveFrom: Date.UTC(2025, 5, 30, 22) });
    expect(yaml).toContain('effectiveFrom: 2025-06-30T22:00:00Z');
    expect(yaml).toContain('segment: business');
    expect(yaml).toContain('rateUnit: 1m');
    expect(yaml).toContain('rateIncrement: 1024');
    expect(yaml).toContain('rate: "0.19"');
    expect(yaml).toContain('weekDays: [ 1, 2, 3, 4, 5 ]');
    expect(yaml).not.toContain('years:');
  });

  it('round-trips native-basic.yaml to the identical plan and effectiveFrom', () => {
    const first = loadNativeTariff(nativeText());
    const again = loadNativeTariff(exportNativeTariff(first.plan, { effectiveFrom: first.effectiveFrom, description: 'copy' }));
    expect(again.plan).toEqual(first.plan);
    expect(again.effectiveFrom).toBe(first.effectiveFrom);
  });

  it('round-trips the cgrates-basic CSV import to the identical plan', () => {
    const { plan } = importCgratesTariffPlan(readFolder(CGRATES_FIXTURE), { id: 'nordwind', timezone: 'Europe/Berlin', currency: 'EUR' });
    const yaml = exportNativeTariff(plan);
    expect(loadNativeTariff(yaml).plan).toEqual(plan);
    expect(loadNativeTariff(JSON.stringify(parseYaml(yaml))).plan).toEqual(plan);
  });

  it('refuses an invalid plan', () => {
    const { plan } = loadNativeTariff(SMALL);
    expect(() => exportNativeTariff({ ...plan, currency: 'EURO' })).toThrow(BillingError);
  });

  describe.skipIf(!HAVE_REFERENCE)(`CGRateS reference plans (${CGRATES_REFERENCE})`, () => {
    it.each(['tutorial', 'tutorial2'])('round-trips %s: CSV -> canonical -> native YAML -> canonical', (folder) => {
      const { plan } = importCgratesTariffPlan(readFolder(`${CGRATES_REFERENCE}/${folder}`), { id: folder });
      const yaml = exportNativeTariff(plan, { effectiveFrom: Date.UTC(2019, 2, 1) });
      const back = loadNativeTariff(yaml);
      expect(back.plan).toEqual(plan);
      expect(back.effectiveFrom).toBe(Date.UTC(2019, 2, 1));
    });
  });
});
