import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { generateCdrs, generateRows } from './generate-cdrs.ts';
import type { ExpectedCategory, GeneratedFormat, GenerationStats, UsageEvent } from './generator.types.ts';
import { EXPECTED_CATEGORIES } from './generator.types.ts';
import { createLineValidator, parseCsvLine, parseIsoStamp, parseLocalStamp } from './validate-generated-line.ts';

const ROWS = 20_000;

// The shares below describe our subscribers' own traffic; calls from other networks are tested in generate-cdrs.test.ts.
function collect(format: GeneratedFormat): { events: UsageEvent[]; lines: string[]; stats: Promise<GenerationStats> } {
  const options = { format, rows: ROWS, seed: 99, inboundShare: 0, transitShare: 0 };
  const events: UsageEvent[] = [];
  const lines: string[] = [];
  for (const row of generateRows(options)) {
    if (row.kind !== 'record') continue;
    events.push(row.event);
    lines.push(row.line);
  }
  return { events, lines, stats: generateCdrs(options, () => {}) };
}

const asterisk = collect('asterisk');
const csv = collect('csv');

const share = (events: UsageEvent[], pred: (e: UsageEvent) => boolean): number => events.filter(pred).length / events.length;

describe('category mix (20k rows)', () => {
  it('covers every voice category on a switch, with shares near the configured weights', async () => {
    const stats = await asterisk.stats;
    const voiceCategories = EXPECTED_CATEGORIES.filter((c) => c !== 'data');
    for (const c of voiceCategories) expect(stats.byCategory[c], c).toBeGreaterThan(0);
    expect(stats.byCategory.data).toBe(0);
    const bands: Record<Exclude<ExpectedCategory, 'data'>, [number, number]> = {
      mobile: [0.3, 0.48],
      national: [0.13, 0.25],
      on_net: [0.09, 0.17],
      local: [0.07, 0.15],
      international: [0.06, 0.12],
      toll_free: [0.03, 0.07],
      short_code: [0.02, 0.05],
      premium_rate: [0.005, 0.02],
      emergency: [0.0003, 0.004],
    };
    for (const [c, [lo, hi]] of Object.entries(bands)) {
      const s = stats.byCategory[c as ExpectedCategory] / stats.records;
      expect(s, c).toBeGreaterThanOrEqual(lo);
      expect(s, c).toBeLessThanOrEqual(hi);
    }
    expect(stats.byService).toEqual({ voice: stats.records, sms: 0, data: 0 });
    expect(stats.byRoaming.none).toBe(stats.records);
  });

  it('covers every category, service and roaming kind in the generic formats', async () => {
    const stats = await csv.stats;
    for (const c of EXPECTED_CATEGORIES) expect(stats.byCategory[c], c).toBeGreaterThan(0);
    const voice = stats.byService.voice / stats.records;
    expect(voice).toBeGreaterThan(0.4);
    expect(voice).toBeLessThan(0.65);
    expect(stats.byService.sms / stats.records).toBeGreaterThan(0.15);
    expect(stats.byService.data / stats.records).toBeGreaterThan(0.15);
    expect(stats.byRoaming.outbound).toBeGreaterThan(20);
    expect(stats.byRoaming.inbound).toBeGreaterThan(20);
    expect(share(csv.events, (e) => e.direction === 'inbound')).toBeGreaterThan(0.1);
  });
});

describe('realistic usage', () => {
  it('leaves ~20-25% of calls unanswered with zero billable time and no answer stamp', () => {
    const unanswered = asterisk.events.filter((e) => e.disposition !== 'answered');
    expect(unanswered.length / asterisk.events.length).toBeGreaterThan(0.19);
    expect(unanswered.length / asterisk.events.length).toBeLessThan(0.27);
    for (const e of unanswered) {
      expect(e.billMs).toBe(0);
      expect(e.answerMs).toBeNull();
    }
    const kinds = new Set(unanswered.map((e) => e.disposition));
    for (const d of ['no_answer', 'busy', 'failed']) expect(kinds.has(d as UsageEvent['disposition'])).toBe(true);
  });

  it('draws call lengths with a ~90 s median and a long tail', () => {
    const secs = asterisk.events
      .filter((e) => e.disposition === 'answered' && e.category !== 'toll_free')
      .map((e) => e.billMs / 1000)
      .sort((a, b) => a - b);
    const median = secs[Math.floor(secs.length / 2)]!;
    expect(median).toBeGreaterThan(70);
    expect(median).toBeLessThan(115);
    expect(secs[Math.floor(secs.length * 0.99)]!).toBeGreaterThan(1200);
    expect(secs.at(-1)!).toBeLessThanOrEqual(4 * 3600);
  });

  it('draws data sessions from kilobytes to hundreds of megabytes', () => {
    const bytes = csv.events
      .filter((e) => e.service === 'data')
      .map((e) => e.volume)
      .sort((a, b) => a - b);
    expect(bytes[0]!).toBeLessThan(200_000);
    expect(bytes.at(-1)!).toBeGreaterThan(100_000_000);
  });

  it('puts roaming only where the source says so, with a foreign network and country', () => {
    for (const e of csv.events) {
      if (e.roaming === 'outbound') {
        expect(e.servingNetwork).not.toBe('23415');
        expect(e.visitedCountry).not.toBe('GB');
        expect(e.subscriber.imsi?.startsWith('23415')).toBe(true);
      } else if (e.roaming === 'inbound') {
        expect(e.servingNetwork).toBe('23415');
        expect(e.subscriber.imsi?.startsWith('23415')).toBe(false);
      } else expect(e.servingNetwork === null || e.servingNetwork === '23415').toBe(true);
    }
  });

  it('carries notes, a few hostile-looking, as plain data', () => {
    const notes = csv.events.map((e) => e.note).filter((n) => n !== '');
    expect(notes.length).toBeGreaterThan(100);
    expect(notes.some((n) => n.includes('ignore previous instructions'))).toBe(true);
    const validate = createLineValidator('csv', 'Europe/London', 'record_id,service,direction,subscriber,imsi,serving_network,visited_country,other_party,start,duration,disposition,volume,notes');
    csv.lines.forEach((line, i) => {
      const parsed = parseCsvLine(line);
      expect(validate(line)).toBeNull();
      if (typeof parsed === 'object') expect(parsed.fields[12]).toBe(csv.events[i]!.note);
    });
  });
});

const EXPECTED_TYPE: Partial<Record<ExpectedCategory, string[]>> = {
  local: ['FIXED_LINE'],
  national: ['FIXED_LINE'],
  mobile: ['MOBILE'],
  on_net: ['MOBILE', 'FIXED_LINE'],
  toll_free: ['TOLL_FREE'],
  premium_rate: ['PREMIUM_RATE'],
};

// Spot-check: libphonenumber parsing is ~50 µs, so common categories are sampled, rare ones checked in full.
function checkNumbers(events: UsageEvent[], lines: string[]): void {
  const common = new Set<ExpectedCategory>(['mobile', 'national', 'local', 'on_net', 'data']);
  events.forEach((e, i) => {
    if (common.has(e.category) && i % 5 !== 0) return;
    expect(lines[i]).toContain(e.otherParty);
    if (e.otherE164 === null) {
      if (e.category === 'emergency') expect(['999', '112']).toContain(e.otherParty);
      else if (e.category === 'short_code') expect(e.otherParty).toMatch(/^\d{3,5}$/);
      else expect(e.category).toBe('data');
      return;
    }
    const n = parsePhoneNumberFromString(`+${e.otherE164}`);
    expect(n?.isValid(), e.otherE164).toBe(true);
    if (e.category === 'international') expect(n?.country).not.toBe('GB');
    else {
      expect(n?.country, e.otherE164).toBe('GB');
      expect(EXPECTED_TYPE[e.category], `${e.category} ${e.otherE164}`).toContain(n?.getType());
    }
    // The number as written (minus the PBX outside-line 9) must dial the same number from the UK.
    let written = e.trunkPrefixed ? e.otherParty.slice(1) : e.otherParty;
    if (written.startsWith('00')) written = `+${written.slice(2)}`;
    expect(parsePhoneNumberFromString(written, 'GB')?.number, written).toBe(`+${e.otherE164}`);
    const sub = parsePhoneNumberFromString(`+${e.subscriber.msisdn}`);
    expect(sub?.isValid()).toBe(true);
  });
}

describe('numbers', () => {
  it('are valid for their intended type, and written the way a switch dials them (asterisk)', () => {
    checkNumbers(asterisk.events, asterisk.lines);
    expect(share(asterisk.events, (e) => e.trunkPrefixed)).toBeGreaterThan(0.01);
    expect(share(asterisk.events, (e) => e.otherParty.startsWith('00'))).toBeGreaterThan(0.01);
    expect(share(asterisk.events, (e) => e.otherParty.startsWith('+'))).toBeGreaterThan(0.05);
  });

  it('are valid for their intended type (csv)', () => {
    checkNumbers(csv.events, csv.lines);
  });
});

describe('timestamps', () => {
  it('start inside the configured period, in the switch local zone (asterisk)', async () => {
    const { periodStartMs, periodEndMs } = await asterisk.stats;
    expect(periodStartMs).toBe(Date.UTC(2025, 2, 1));
    asterisk.lines.forEach((line, i) => {
      const parsed = parseCsvLine(line);
      if (typeof parsed === 'string') throw new Error(parsed);
      const start = parseLocalStamp(parsed.fields[9]!, 'Europe/London');
      expect(start).toBe(asterisk.events[i]!.startMs);
      expect(start!).toBeGreaterThanOrEqual(periodStartMs);
      expect(start!).toBeLessThan(periodEndMs);
    });
  });

  it('start inside the configured period with an absolute instant (csv, jsonl in New York)', async () => {
    const { periodStartMs, periodEndMs } = await csv.stats;
    csv.lines.forEach((line, i) => {
      const parsed = parseCsvLine(line);
      if (typeof parsed === 'string') throw new Error(parsed);
      expect(parseIsoStamp(parsed.fields[8]!)).toBe(csv.events[i]!.startMs);
    });
    for (const e of csv.events) {
      expect(e.startMs).toBeGreaterThanOrEqual(periodStartMs);
      expect(e.startMs).toBeLessThan(periodEndMs);
    }
    const options = { format: 'jsonl', rows: 2_000, timezone: 'America/New_York', start: '2025-07-04', days: 2, malformedRate: 0 } as const;
    const stats = await generateCdrs(options, () => {});
    expect(stats.periodStartMs).toBe(Date.UTC(2025, 6, 4, 4));
    for (const row of generateRows(options)) {
      const start = (JSON.parse(row.line) as { start: string }).start;
      expect(start).toMatch(/-04:00$/);
      expect(Date.parse(start)).toBeGreaterThanOrEqual(stats.periodStartMs);
      expect(Date.parse(start)).toBeLessThan(stats.periodEndMs);
    }
  });
});
