import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BillingError } from '../errors.ts';
import { importCgratesTariffPlan } from './import-cgrates-csv.ts';

const S = 1_000_000_000;
const FIXTURE = fileURLToPath(new URL('./fixtures/cgrates-basic/', import.meta.url));
/** CGRateS's own sample plans, present on the team's machines and in CI (never copied into the repo). */
const CGRATES_REFERENCE = fileURLToPath(new URL('../../../shared/reference/cgrates/', import.meta.url));
const HAVE_REFERENCE = existsSync(CGRATES_REFERENCE);
if (!HAVE_REFERENCE) console.warn(`skipping CGRateS reference tariff tests: ${CGRATES_REFERENCE} is absent`);

function readFolder(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => [f, readFileSync(`${dir}/${f}`, 'utf8')]),
  );
}

const basic = (): Record<string, string> => readFolder(FIXTURE);

/** Appends a row to one file; returns the files and the row's line number. */
function withRow(files: Record<string, string>, file: string, row: string): { files: Record<string, string>; line: number } {
  const text = files[file] ?? '';
  const base = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  const line = base === '' ? 1 : base.split('\n').length;
  return { files: { ...files, [file]: `${base}${row}\n` }, line };
}

/** Replaces the line containing `needle`; returns the files and its line number. */
function withLine(files: Record<string, string>, file: string, needle: string, replacement: string): { files: Record<string, string>; line: number } {
  const lines = (files[file] ?? '').split('\n');
  const index = lines.findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`fixture ${file} has no line with ${needle}`);
  lines[index] = replacement;
  return { files: { ...files, [file]: lines.join('\n') }, line: index + 1 };
}

function tariffError(run: () => unknown): BillingError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(BillingError);
    return err as BillingError;
  }
  throw new Error('expected an INVALID_TARIFF error');
}

function expectInvalid(files: Record<string, string>, file: string, line: number, ...fragments: (string | RegExp)[]): BillingError {
  const err = tariffError(() => importCgratesTariffPlan(files, { id: 'test' }));
  expect(err.code).toBe('INVALID_TARIFF');
  expect(err.message).toContain(`${file} line ${line}:`);
  for (const f of fragments) {
    if (typeof f === 'string') expect(err.message).toContain(f);
    else expect(err.message).toMatch(f);
  }
  expect(err.details).toMatchObject({ file, line });
  return err;
}

describe('importCgratesTariffPlan on the cgrates-basic fixture', () => {
  const { plan, messages } = importCgratesTariffPlan(basic(), { id: 'nordwind', timezone: 'Europe/Berlin' });

  it('takes id, timezone and currency from the options (currency defaults to EUR)', () => {
    expect(plan.id).toBe('nordwind');
    expect(plan.timezone).toBe('Europe/Berlin');
    expect(plan.currency).toBe('EUR');
    expect(importCgratesTariffPlan(basic(), { id: 'x', currency: 'gbp' }).plan).toMatchObject({ timezone: 'UTC', currency: 'GBP' });
  });

  it('collects several prefixes per destination, including non-numeric ones', () => {
    expect(plan.destinations).toEqual({
      DST_DE_MOBILE: ['4915', '4916', '4917'],
      DST_DE_FIXED: ['49'],
      DST_VOICEMAIL: ['voicemail'],
    });
  });

  it('sorts rate slots by GroupIntervalStart, reads durations and empty connect fees', () => {
    expect(plan.rates.RT_MOBILE_PEAK).toEqual([
      { connectFee: '0.15', rate: '0.19', rateUnit: 60 * S, rateIncrement: 60 * S, groupIntervalStart: 0 },
      { connectFee: '0', rate: '0.09', rateUnit: 60 * S, rateIncrement: S, groupIntervalStart: 60 * S },
    ]);
    expect(plan.rates.RT_FIXED?.[1]?.groupIntervalStart).toBe(600 * S);
  });

  it('keeps data and SMS units as plain numbers', () => {
    expect(plan.rates.RT_DATA_KB).toEqual([{ connectFee: '0', rate: '0.002', rateUnit: 1024, rateIncrement: 1024, groupIntervalStart: 0 }]);
    expect(plan.rates.RT_SMS?.[0]).toMatchObject({ rate: '0.09', rateUnit: 1, rateIncrement: 1 });
  });

  it('reads destination rates with several destinations, rounding, MaxCost and *any', () => {
    expect(plan.destinationRates.DR_FIXED).toEqual([
      { destinationId: 'DST_DE_FIXED', rateId: 'RT_FIXED', roundingMethod: 'middle', roundingDecimals: 4, maxCost: '2.5', maxCostStrategy: '*free' },
      { destinationId: 'DST_VOICEMAIL', rateId: 'RT_VOICEMAIL', roundingMethod: 'up', roundingDecimals: 2, maxCost: null, maxCostStrategy: null },
    ]);
    expect(plan.destinationRates.DR_INTL?.[0]).toMatchObject({ destinationId: '*any', maxCost: null, maxCostStrategy: null });
    expect(plan.destinationRates.DR_SMS?.[0]?.roundingMethod).toBe('down');
  });

  it('reads timings: weekday lists, start;end windows, *asap, month days', () => {
    expect(plan.timings.TM_PEAK).toEqual({ years: '*any', months: '*any', monthDays: '*any', weekDays: [1, 2, 3, 4, 5], startTime: '08:00:00', endTime: '19:00:00' });
    expect(plan.timings.TM_OFFPEAK_MORNING).toMatchObject({ startTime: '00:00:00', endTime: null });
    expect(plan.timings.TM_WEEKEND?.weekDays).toEqual([6, 7]);
    expect(plan.timings.TM_CHRISTMAS).toMatchObject({ months: [12], monthDays: [25, 26], weekDays: '*any' });
  });

  it('reads rating plans with weights and *any timings', () => {
    expect(plan.ratingPlans.RP_RETAIL).toHaveLength(7);
    expect(plan.ratingPlans.RP_RETAIL?.[4]).toEqual({ destinationRateId: 'DR_MOBILE_OFFPEAK', timingId: 'TM_CHRISTMAS', weight: 20 });
    expect(plan.ratingPlans.RP_RETAIL?.[6]).toEqual({ destinationRateId: 'DR_INTL', timingId: '*any', weight: 0 });
  });

  it('reads profiles: two activation times for one subject, offsets, fallback subjects', () => {
    const acc = plan.ratingProfiles.filter((p) => p.subject === '1001');
    expect(acc).toEqual([
      { tenant: 'nordwind.example', category: 'call', subject: '1001', activationTime: Date.UTC(2024, 0, 1), ratingPlanId: 'RP_RETAIL', fallbackSubjects: [] },
      { tenant: 'nordwind.example', category: 'call', subject: '1001', activationTime: Date.UTC(2025, 5, 30, 22), ratingPlanId: 'RP_VIP', fallbackSubjects: ['*any'] },
    ]);
    expect(plan.ratingProfiles.map((p) => p.category)).toEqual(['call', 'call', 'call', 'data', 'sms']);
  });

  it('has nothing to report about a clean plan', () => {
    expect(messages).toEqual([]);
  });
});

describe('importCgratesTariffPlan: file handling', () => {
  it('ignores files that are not rating files, with a message', () => {
    const { messages } = importCgratesTariffPlan({ ...basic(), 'Attributes.csv': '#x\n', 'README.md': 'hello' }, { id: 'x' });
    expect(messages).toContain('ignored Attributes.csv: not a rating file');
    expect(messages).toContain('ignored README.md: not a rating file');
  });

  it('accepts paths and any case for the file names', () => {
    const files = Object.fromEntries(Object.entries(basic()).map(([k, v]) => [`plans/basic/${k.toLowerCase()}`, v]));
    expect(importCgratesTariffPlan(files, { id: 'x' }).plan.rates.RT_SMS).toHaveLength(1);
  });

  it.skipIf(!HAVE_REFERENCE)('does without Timings.csv when every timing is *any (reference tutorial)', () => {
    const { plan, messages } = importCgratesTariffPlan(readFolder(`${CGRATES_REFERENCE}/tutorial`), { id: 'tutorial' });
    expect(plan.timings).toEqual({});
    expect(messages).toContain('no Timings.csv: only the *any timing can be used');
  });

  it('skips comments, blank lines, CRLF line ends, a BOM and an uncommented header', () => {
    const files = basic();
    files['Destinations.csv'] = `\uFEFFId,Prefix\r\n\r\n  # a comment\r\nDST_DE_MOBILE,4915\r\nDST_DE_FIXED,"49"\r\nDST_VOICEMAIL,voicemail\r\n`;
    files['Timings.csv'] = `${files['Timings.csv']}\n# trailing comment\n\n`;
    const { plan, messages } = importCgratesTariffPlan(files, { id: 'x' });
    expect(plan.destinations).toEqual({ DST_DE_MOBILE: ['4915'], DST_DE_FIXED: ['49'], DST_VOICEMAIL: ['voicemail'] });
    expect(messages).toContain('Destinations.csv line 1: header row without "#" skipped');
  });

  it('accepts rows without the optional trailing columns', () => {
    let { files } = withLine(basic(), 'DestinationRates.csv', 'DR_SMS,', 'DR_SMS,*any,RT_SMS,*down,2');
    ({ files } = withLine(files, 'RatingProfiles.csv', 'data,', 'nordwind.example,data,*any,2024-01-01T00:00:00Z,RP_DATA'));
    const { plan } = importCgratesTariffPlan(files, { id: 'x' });
    expect(plan.destinationRates.DR_SMS?.[0]).toMatchObject({ maxCost: null, maxCostStrategy: null });
    expect(plan.ratingProfiles[3]?.fallbackSubjects).toEqual([]);
  });

  it('reads Go weekday 0 as Sunday and says so', () => {
    const { files, line } = withLine(basic(), 'Timings.csv', 'TM_WEEKEND', 'TM_WEEKEND,*any,*any,*any,6;0,00:00:00');
    const { plan, messages } = importCgratesTariffPlan(files, { id: 'x' });
    expect(plan.timings.TM_WEEKEND?.weekDays).toEqual([6, 7]);
    expect(messages).toContain(`Timings.csv line ${line}: timing TM_WEEKEND WeekDays 0 read as Sunday (7)`);
  });

  it('reports definitions nothing uses', () => {
    const { files, line } = withRow(basic(), 'Destinations.csv', 'DST_UNUSED,999');
    expect(importCgratesTariffPlan(files, { id: 'x' }).messages).toContain(`Destinations.csv line ${line}: DST_UNUSED is not used by any DestinationRates`);
  });

  it('reads offset-less activation times in the plan time zone', () => {
    const { files } = withLine(basic(), 'RatingProfiles.csv', 'data,', 'nordwind.example,data,*any,2024-01-01 00:00:00,RP_DATA,');
    const { plan } = importCgratesTariffPlan(files, { id: 'x', timezone: 'Europe/Berlin' });
    expect(plan.ratingProfiles[3]?.activationTime).toBe(Date.UTC(2023, 11, 31, 23));
  });
});

describe('importCgratesTariffPlan: every error is INVALID_TARIFF with file and line', () => {
  it('a rating plan naming an unknown DestinationRates id', () => {
    const { files, line } = withRow(basic(), 'RatingPlans.csv', 'RP_RETAIL,DR_NOPE,*any,10');
    const err = expectInvalid(files, 'RatingPlans.csv', line, 'RP_RETAIL', 'DR_NOPE');
    expect(err.details).toMatchObject({ id: 'RP_RETAIL', reference: 'DR_NOPE' });
  });

  it('a rating plan naming an unknown timing', () => {
    const { files, line } = withRow(basic(), 'RatingPlans.csv', 'RP_SMS,DR_SMS,TM_NIGHT,10');
    expectInvalid(files, 'RatingPlans.csv', line, 'RP_SMS', 'unknown timing "TM_NIGHT"');
  });

  it('a timing other than *any without a Timings file', () => {
    const files = basic();
    delete files['Timings.csv'];
    expectInvalid(files, 'RatingPlans.csv', 2, 'RP_RETAIL', 'TM_PEAK');
  });

  it('a destination rate naming an unknown destination', () => {
    const { files, line } = withRow(basic(), 'DestinationRates.csv', 'DR_SMS,DST_MARS,RT_SMS,*up,4,,');
    expectInvalid(files, 'DestinationRates.csv', line, 'DR_SMS', 'unknown destination "DST_MARS"');
  });

  it('a destination rate naming an unknown Rates id', () => {
    const { files, line } = withRow(basic(), 'DestinationRates.csv', 'DR_NEW,*any,RT_NOPE,*up,4,,');
    expectInvalid(files, 'DestinationRates.csv', line, 'DR_NEW', 'unknown Rates id "RT_NOPE"');
  });

  it('a profile naming an unknown rating plan', () => {
    const { files, line } = withRow(basic(), 'RatingProfiles.csv', 'nordwind.example,mms,*any,2024-01-01T00:00:00Z,RP_MMS,');
    expectInvalid(files, 'RatingProfiles.csv', line, 'nordwind.example:mms:*any', 'RP_MMS');
  });

  it('lists every reference problem in details, the first in the message', () => {
    let { files, line } = withRow(basic(), 'RatingPlans.csv', 'RP_SMS,DR_NOPE,*any,10');
    ({ files } = withRow(files, 'RatingProfiles.csv', 'nordwind.example,mms,*any,2024-01-01T00:00:00Z,RP_MMS,'));
    const err = expectInvalid(files, 'RatingPlans.csv', line, 'and 1 more problem');
    expect(err.details?.problems).toHaveLength(2);
  });

  it('two plans for one subject at the same activation time', () => {
    const { files, line } = withRow(basic(), 'RatingProfiles.csv', 'nordwind.example,call,1001,2024-01-01T01:00:00+01:00,RP_VIP,');
    expectInvalid(files, 'RatingProfiles.csv', line, 'nordwind.example:call:1001', 'second plan', 'first at RatingProfiles.csv line 5');
  });

  it.each([
    ['a non-zero rate per RateUnit 0', 'RT_X,0,0.1,0,1s,0', /RateUnit 0/],
    ['a non-zero rate with RateIncrement 0', 'RT_X,0,0.1,1s,0,0', /RateIncrement 0/],
    ['a negative connect fee', 'RT_X,-0.1,0.1,1s,1s,0', /ConnectFee "-0.1" is negative/],
    ['a negative rate', 'RT_X,0,-1,1s,1s,0', /Rate "-1" is negative/],
    ['a rate that is not a decimal', 'RT_X,0,1e-3,1s,1s,0', /Rate "1e-3" is not a decimal/],
    ['an empty rate', 'RT_X,0,,1s,1s,0', /Rate is empty/],
    ['a negative duration', 'RT_X,0,0.1,1s,1s,-1s', /GroupIntervalStart: invalid duration "-1s": negative/],
    ['a garbage duration', 'RT_X,0,0.1,1 minute,1s,0', /RateUnit: invalid duration "1 minute"/],
    ['an empty rate unit', 'RT_X,0,0.1,,1s,0', /RateUnit: invalid duration "": empty/],
    ['a duplicate GroupIntervalStart', 'RT_SMS,0,0.08,1,1,0', /RT_SMS has two slots with GroupIntervalStart 0/],
    ['too few columns', 'RT_X,0,0.1,1s,1s', /expected 6 columns \(Rates\), found 5/],
    ['too many columns', 'RT_X,0,0.1,1s,1s,0,9', /expected 6 columns \(Rates\), found 7/],
    ['an unterminated quote', 'RT_X,"0,0.1,1s,1s,0', /malformed CSV: unterminated quoted field/],
    ['a reserved id', '*RT,0,0.1,1s,1s,0', /reserved/],
  ])('Rates.csv: %s', (_name, row, pattern) => {
    const { files, line } = withRow(basic(), 'Rates.csv', row);
    expectInvalid(files, 'Rates.csv', line, pattern);
  });

  it.each([
    ['an unknown rounding method', 'DR_X,*any,RT_SMS,*ceil,4,,', /unknown rounding method "\*ceil"/],
    ['half_even rounding', 'DR_X,*any,RT_SMS,*half_even,4,,', /not supported in tariffs/],
    ['rounding decimals out of range', 'DR_X,*any,RT_SMS,*up,11,,', /rounding decimals "11"/],
    ['a negative MaxCost', 'DR_X,*any,RT_SMS,*up,4,-1,*free', /MaxCost "-1" is negative/],
    ['an unknown MaxCostStrategy', 'DR_X,*any,RT_SMS,*up,4,1,*cap', /unknown MaxCostStrategy "\*cap"/],
    ['a destination twice in one id', 'DR_FIXED,DST_DE_FIXED,RT_SMS,*up,4,,', /DR_FIXED names destination DST_DE_FIXED twice/],
    ['an empty destination', 'DR_X,,RT_SMS,*up,4,,', /empty DestinationId/],
  ])('DestinationRates.csv: %s', (_name, row, pattern) => {
    const { files, line } = withRow(basic(), 'DestinationRates.csv', row);
    expectInvalid(files, 'DestinationRates.csv', line, pattern);
  });

  it.each([
    ['weekday 8', 'TM_X,*any,*any,*any,1;8,00:00:00', /weekDays value "8" is out of range 1..7/],
    ['month 13', 'TM_X,*any,13,*any,*any,00:00:00', /months value "13" is out of range/],
    ['a non-numeric month day', 'TM_X,*any,*any,first,*any,00:00:00', /monthDays value "first" is not a whole number/],
    ['hour 25', 'TM_X,*any,*any,*any,*any,25:00:00', /time "25:00:00" is out of range/],
    ['a malformed time', 'TM_X,*any,*any,*any,*any,8am', /time "8am" is not HH:MM:SS/],
    ['an end before the start', 'TM_X,*any,*any,*any,*any,19:00:00;08:00:00', /ends \(08:00:00\) at or before it starts/],
    ['a timing defined twice', 'TM_PEAK,*any,*any,*any,*any,00:00:00', /timing TM_PEAK is defined twice/],
  ])('Timings.csv: %s', (_name, row, pattern) => {
    const { files, line } = withRow(basic(), 'Timings.csv', row);
    expectInvalid(files, 'Timings.csv', line, pattern);
  });

  it.each([
    ['a negative weight', 'RP_X,DR_SMS,*any,-1', /weight "-1" is negative/],
    ['a non-numeric weight', 'RP_X,DR_SMS,*any,high', /weight "high" is not a number/],
    ['an empty timing tag', 'RP_X,DR_SMS,,10', /empty TimingTag/],
  ])('RatingPlans.csv: %s', (_name, row, pattern) => {
    const { files, line } = withRow(basic(), 'RatingPlans.csv', row);
    expectInvalid(files, 'RatingPlans.csv', line, pattern);
  });

  it.each([
    ['a malformed activation time', 'nordwind.example,mms,*any,01/01/2024,RP_SMS,', /ActivationTime "01\/01\/2024" is not an ISO 8601/],
    ['an impossible date', 'nordwind.example,mms,*any,2024-02-30T00:00:00Z,RP_SMS,', /not a valid date-time/],
    ['an empty subject', 'nordwind.example,mms,,2024-01-01T00:00:00Z,RP_SMS,', /empty Subject/],
  ])('RatingProfiles.csv: %s', (_name, row, pattern) => {
    const { files, line } = withRow(basic(), 'RatingProfiles.csv', row);
    expectInvalid(files, 'RatingProfiles.csv', line, pattern);
  });

  it('Destinations.csv: an empty prefix', () => {
    const { files, line } = withRow(basic(), 'Destinations.csv', 'DST_X,');
    expectInvalid(files, 'Destinations.csv', line, 'DST_X has an empty prefix');
  });

  it('a missing required file names the file', () => {
    const files = basic();
    delete files['Rates.csv'];
    const err = tariffError(() => importCgratesTariffPlan(files, { id: 'x' }));
    expect(err.code).toBe('INVALID_TARIFF');
    expect(err.message).toMatch(/^Rates\.csv: missing/);
  });

  it('bad options are INVALID_TARIFF too', () => {
    expect(tariffError(() => importCgratesTariffPlan(basic(), { id: 'x', timezone: 'Mars/Olympus' })).message).toMatch(/unknown time zone "Mars\/Olympus"/);
    expect(tariffError(() => importCgratesTariffPlan(basic(), { id: 'x', currency: 'EUD' })).message).toMatch(/unknown ISO 4217 currency "EUD"/);
    expect(tariffError(() => importCgratesTariffPlan(basic(), { id: ' ' })).code).toBe('INVALID_TARIFF');
  });
});

describe.skipIf(!HAVE_REFERENCE)(`CGRateS reference plans (${CGRATES_REFERENCE})`, () => {
  it('imports tutorial2 with the values CGRateS documents', () => {
    const { plan, messages } = importCgratesTariffPlan(readFolder(`${CGRATES_REFERENCE}/tutorial2`), { id: 'tutorial2' });
    expect(plan.rates.RT_120C).toHaveLength(2);
    expect(plan.rates.RT_120C?.[0]).toEqual({ connectFee: '0.2', rate: '1.2', rateUnit: 60e9, rateIncrement: 60e9, groupIntervalStart: 0 });
    expect(plan.rates.RT_120C?.[1]).toEqual({ connectFee: '0', rate: '1.2', rateUnit: 60e9, rateIncrement: 1e9, groupIntervalStart: 60e9 });
    expect(plan.rates.RT_10C_CN?.[0]).toMatchObject({ connectFee: '0.1', rate: '0', rateUnit: 0, rateIncrement: 1e9 });
    expect(plan.rates.RT_1024_1?.[0]).toMatchObject({ rate: '1', rateUnit: 1024, rateIncrement: 1024 });
    expect(plan.destinations.DST_2030).toEqual(['20', '30']);
    expect(plan.destinations.DST_VOICEMAIL).toEqual(['voicemail']);
    expect(plan.ratingPlans.RP_STANDARD).toHaveLength(7);
    expect(plan.ratingPlans.RP_STANDARD?.[5]).toEqual({ destinationRateId: 'DR_20_60C', timingId: 'NEW_YEAR', weight: 20 });
    expect(plan.destinationRates.DR_ANY_1024_1?.[0]).toEqual({
      destinationId: '*any',
      rateId: 'RT_1024_1',
      roundingMethod: 'up',
      roundingDecimals: 4,
      maxCost: null,
      maxCostStrategy: null,
    });
    expect(plan.timings.PEAK).toEqual({ years: '*any', months: '*any', monthDays: '*any', weekDays: [1, 2, 3, 4, 5], startTime: '08:00:00', endTime: null });
    expect(plan.timings.OFFPEAK_WEEKEND?.weekDays).toEqual([6, 7]);
    expect(plan.timings.NEW_YEAR).toMatchObject({ months: [1], monthDays: [1], weekDays: '*any' });
    const p1001 = plan.ratingProfiles.find((p) => p.subject === '1001');
    expect(p1001).toEqual({
      tenant: 'cgrates.org',
      category: 'call',
      subject: '1001',
      activationTime: Date.UTC(2019, 2, 1),
      ratingPlanId: 'RP_1001',
      fallbackSubjects: ['*any'],
    });
    expect(plan.ratingProfiles).toHaveLength(6);
    expect(messages).toContain('Destinations.csv line 8: DST_50 is not used by any DestinationRates');
  });

  it('imports tutorial (no Timings.csv, MaxCost *disconnect, two activation times)', () => {
    const { plan } = importCgratesTariffPlan(readFolder(`${CGRATES_REFERENCE}/tutorial`), { id: 'tutorial' });
    expect(plan.destinationRates.DR_1003_MAXCOST_DISC?.[0]).toMatchObject({ maxCost: '0.12', maxCostStrategy: '*disconnect' });
    expect(plan.destinationRates.DR_1001_20CNT?.[0]).toMatchObject({ maxCost: '0', maxCostStrategy: null });
    expect(plan.ratingPlans.RP_1001).toHaveLength(2);
    expect(plan.rates.RT_40CNT?.[1]).toEqual({ connectFee: '0', rate: '0.2', rateUnit: 60e9, rateIncrement: 10e9, groupIntervalStart: 60e9 });
    expect(plan.rates.RT_SMS?.[0]).toMatchObject({ rateUnit: 1, rateIncrement: 1 });
    const p1001 = plan.ratingProfiles.filter((p) => p.subject === '1001').map((p) => [new Date(p.activationTime).toISOString(), p.ratingPlanId]);
    expect(p1001).toEqual([
      ['2014-01-14T00:00:00.000Z', 'RP_1001'],
      ['2010-01-14T00:00:00.000Z', 'RP_1002'],
    ]);
  });

  it('reports a broken reference in a reference plan with its file and line', () => {
    const files = readFolder(`${CGRATES_REFERENCE}/tutorial2`);
    const { files: broken, line } = withLine(files, 'RatingPlans.csv', 'RP_1001,', 'RP_1001,DR_MISSING,*any,10');
    expectInvalid(broken, 'RatingPlans.csv', line, 'RP_1001', 'DR_MISSING');
  });
});
