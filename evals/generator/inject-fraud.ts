import { z } from 'zod';
import type { FraudLabel } from '../../tools/fraud/index.ts';
import type { Population, Subscriber } from './build-population.ts';
import { MOBILE_BLOCKS, NATIONAL_BLOCKS, SUBSCRIBER_MOBILE_BLOCKS } from './gb-number-plan.ts';
import type { ResolvedGeneratorOptions, UsageEvent } from './generator.types.ts';
import { Random } from './random.ts';

const DAY = 86_400_000;
const MIN = 60_000;
// Injected rows are numbered apart from every other row (record ids never collide).
const FRAUD_SEQ_BASE = 200_000_000;

/** How many cases of each pattern to inject into a generated month (0: none), and a tariff error for the revenue detector. */
export const fraudInjectionSchema = z
  .object({
    irsf: z.number().int().min(0).max(500).default(0),
    wangiri: z.number().int().min(0).max(500).default(0),
    simbox: z.number().int().min(0).max(500).default(0),
    spike: z.number().int().min(0).max(500).default(0),
    /** A tariff error from a day of the period on: prefixes dropped from their destination group, so they fall to the dearest rate. */
    tariffError: z
      .object({
        prefixes: z.array(z.object({ prefix: z.string().regex(/^\d{1,6}$/), country: z.string().length(2) }).strict()).min(1),
        fromDay: z.number().int().min(0),
      })
      .strict()
      .optional(),
  })
  .strict();
export type FraudInjection = z.input<typeof fraudInjectionSchema>;

/** The injected rows (time-ordered) and what they are. */
export interface InjectedFraud {
  events: UsageEvent[];
  labels: FraudLabel[];
}

// Where IRSF traffic is pumped: satellite, high-risk country ranges and a UK premium block (number, digits after the prefix).
const IRSF_RANGES: readonly (readonly [string, number])[] = [
  ['882160', 6],
  ['870773', 6],
  ['5352', 6],
  ['25261', 7],
  ['23999', 5],
  ['449091', 6],
];
// Where Wangiri waves come from: valid international mobile ranges (the last three digits vary).
const WANGIRI_RANGES: readonly (readonly [string, number])[] = [
  ['2250707', 6],
  ['216291', 5],
  ['3752912', 5],
  ['373691', 5],
  ['96077', 5],
];
const ROAMING = [
  { network: '20801', country: 'FR' },
  { network: '21407', country: 'ES' },
  { network: '26201', country: 'DE' },
];

function blankEvent(seq: number, subscriber: Subscriber, startMs: number): UsageEvent {
  return {
    seq,
    service: 'voice',
    direction: 'outbound',
    category: 'international',
    roaming: 'none',
    subscriber,
    otherParty: '',
    otherE164: null,
    transitTo: null,
    trunkPrefixed: false,
    servingNetwork: subscriber.line === 'mobile' ? subscriber.homeNetwork : null,
    visitedCountry: null,
    startMs,
    answerMs: null,
    endMs: startMs,
    billMs: 0,
    disposition: 'answered',
    volume: 0,
    note: '',
  };
}

function call(e: UsageEvent, answered: boolean, ringSec: number, billSec: number): UsageEvent {
  if (answered) {
    e.disposition = 'answered';
    e.answerMs = e.startMs + ringSec * 1000;
    e.billMs = billSec * 1000;
    e.endMs = e.answerMs + e.billMs;
  } else {
    e.disposition = 'no_answer';
    e.endMs = e.startMs + ringSec * 1000;
  }
  return e;
}

/**
 * Plans the fraud injected into a generated month, on a random stream of its own (the month's
 * other rows do not change): IRSF bursts from compromised lines, Wangiri waves and their
 * callbacks, SIM boxes on new SIMs, usage spikes on established lines, and the label of each case.
 */
export function planFraud(o: ResolvedGeneratorOptions, population: Population, periodStartMs: number, injection: FraudInjection): InjectedFraud {
  const inj = fraudInjectionSchema.parse(injection);
  const rng = new Random(`fraud:${String(o.seed)}`);
  const events: UsageEvent[] = [];
  const labels: FraudLabel[] = [];
  let seq = FRAUD_SEQ_BASE;
  const used = new Set<string>();
  const generic = o.format === 'csv' || o.format === 'jsonl';
  const mobiles = population.subscribers.filter((s) => s.line === 'mobile');
  const pickLine = (filter: (s: Subscriber) => boolean = () => true): Subscriber => {
    // A small population may have no line that fits: any unused one, then any at all.
    for (let attempt = 0; ; attempt++) {
      const s = rng.pick(mobiles.length > 0 ? mobiles : population.subscribers);
      if ((attempt > 10_000 || !used.has(s.msisdn)) && (attempt > 1_000 || filter(s))) {
        used.add(s.msisdn);
        return s;
      }
    }
  };
  const lastDay = o.days - 1;
  const e164 = (prefix: string, digits: number) => prefix + rng.digits(digits);
  const written = (number: string) => (rng.chance(0.6) ? `+${number}` : `00${number}`);
  const offNet = () => (rng.chance(0.7) ? rng.pick(MOBILE_BLOCKS) : rng.pick(NATIONAL_BLOCKS));

  for (let i = 0; i < inj.irsf; i++) {
    const line = pickLine();
    const [prefix, digits] = IRSF_RANGES[i % IRSF_RANGES.length]!;
    const night = rng.chance(0.6);
    let at = periodStartMs + rng.int(Math.min(3, lastDay), lastDay) * DAY + (night ? rng.int(0, 4) : rng.int(9, 19)) * 3_600_000 + rng.int(0, 59) * MIN;
    const count = rng.int(12, 40);
    const sequential = rng.chance(0.5);
    const base = Number(rng.digits(digits - 2)) * 100;
    const first = at;
    for (let k = 0; k < count; k++) {
      const number = prefix + String(sequential ? base + k : Number(rng.digits(digits))).padStart(digits, '0');
      const e = blankEvent(seq++, line, at);
      e.category = prefix.startsWith('44') ? 'premium_rate' : 'international';
      e.otherE164 = number;
      e.otherParty = written(number);
      events.push(call(e, rng.chance(0.85), rng.int(2, 8), rng.int(180, 1500)));
      at = e.endMs + rng.int(1, 6) * MIN;
    }
    labels.push({ pattern: 'irsf', subjectKind: 'subscriber', subject: line.msisdn, firstAt: first, lastAt: events[events.length - 1]!.startMs });
  }

  for (let i = 0; i < inj.wangiri; i++) {
    const [prefix, digits] = WANGIRI_RANGES[i % WANGIRI_RANGES.length]!;
    const range = prefix + rng.digits(digits - 3);
    const start = periodStartMs + rng.int(1, lastDay) * DAY + rng.int(8, 20) * 3_600_000;
    const count = rng.int(30, 120);
    const spanMin = rng.int(20, 50);
    const offsets = Array.from({ length: count }, () => rng.int(0, spanMin * 60)).sort((a, b) => a - b);
    const victims = new Set<Subscriber>();
    let last = start;
    const callbacks: UsageEvent[] = [];
    for (const off of offsets) {
      let victim = population.pickSubscriber(rng);
      while (victims.has(victim)) victim = population.pickSubscriber(rng);
      victims.add(victim);
      const caller = range + rng.digits(3);
      const e = blankEvent(seq++, victim, start + off * 1000);
      e.direction = 'inbound';
      e.otherE164 = caller;
      e.otherParty = `+${caller}`;
      events.push(call(e, false, rng.int(1, 4), 0));
      last = Math.max(last, e.startMs);
      if (rng.chance(0.1)) {
        const back = blankEvent(seq++, victim, e.startMs + rng.int(30, 20 * 60) * MIN);
        back.otherE164 = caller;
        back.otherParty = written(caller);
        callbacks.push(call(back, true, rng.int(3, 10), rng.int(60, 600)));
      }
    }
    events.push(...callbacks);
    for (const c of callbacks) last = Math.max(last, c.startMs);
    labels.push({ pattern: 'wangiri', subjectKind: 'calling_range', subject: range, firstAt: start + offsets[0]! * 1000, lastAt: last });
  }

  for (let i = 0; i < inj.simbox; i++) {
    const block = SUBSCRIBER_MOBILE_BLOCKS[i % SUBSCRIBER_MOBILE_BLOCKS.length]!;
    let msisdn = e164(block.prefix, block.digits);
    while (used.has(msisdn) || population.subscribers.some((s) => s.msisdn === msisdn)) msisdn = e164(block.prefix, block.digits);
    used.add(msisdn);
    const sim: Subscriber = {
      msisdn,
      line: 'mobile',
      segment: 'consumer',
      usage: 'heavy',
      imsi: o.homeNetwork + rng.digits(15 - o.homeNetwork.length),
      name: 'Prepaid SIM',
      account: '',
      extension: null,
      trip: null,
      homeNetwork: o.homeNetwork,
    };
    const firstDay = rng.int(Math.min(2, lastDay), Math.max(0, lastDay - 5));
    const span = Math.min(rng.int(2, 5), o.days - firstDay);
    let first = Number.POSITIVE_INFINITY;
    let lastAt = 0;
    for (let d = firstDay; d < firstDay + span; d++) {
      const calls = rng.int(60, 140);
      let at = periodStartMs + d * DAY + 8 * 3_600_000 + rng.int(0, 30) * MIN;
      const step = Math.floor((13 * 3_600_000) / calls);
      for (let k = 0; k < calls; k++) {
        const block = offNet();
        const number = e164(block.prefix, block.digits);
        const e = blankEvent(seq++, sim, at);
        e.category = block.type === 'MOBILE' ? 'mobile' : 'national';
        e.otherE164 = number;
        e.otherParty = rng.chance(0.5) ? `0${number.slice(2)}` : `+${number}`;
        events.push(call(e, rng.chance(0.85), rng.int(3, 9), rng.int(70, 170)));
        first = Math.min(first, at);
        lastAt = at;
        at += step + rng.int(0, 60) * 1000;
      }
    }
    labels.push({ pattern: 'simbox', subjectKind: 'subscriber', subject: msisdn, firstAt: first, lastAt });
  }

  for (let i = 0; i < inj.spike; i++) {
    const line = pickLine((s) => s.usage !== 'light' && s.trip === null);
    const day = rng.int(Math.min(12, lastDay), lastDay);
    const kind = generic ? (['voice', 'data', 'roaming'] as const)[i % 3]! : 'voice';
    const dayStart = periodStartMs + day * DAY;
    let at = dayStart + 9 * 3_600_000 + rng.int(0, 60) * MIN;
    const roam = rng.pick(ROAMING);
    if (kind === 'data') {
      const sessions = rng.int(4, 8);
      for (let k = 0; k < sessions; k++) {
        const e = blankEvent(seq++, line, at);
        e.service = 'data';
        e.category = 'data';
        e.volume = rng.int(1_500, 3_500) * 1_000_000;
        e.endMs = at + rng.int(600, 3600) * 1000;
        events.push(e);
        at = e.endMs + rng.int(5, 60) * MIN;
      }
    } else {
      const calls = kind === 'voice' ? rng.int(25, 50) : rng.int(15, 30);
      for (let k = 0; k < calls; k++) {
        const block = offNet();
        const number = e164(block.prefix, block.digits);
        const e = blankEvent(seq++, line, at);
        e.category = block.type === 'MOBILE' ? 'mobile' : 'national';
        e.otherE164 = number;
        e.otherParty = kind === 'roaming' ? `+${number}` : `0${number.slice(2)}`;
        if (kind === 'roaming') {
          e.roaming = 'outbound';
          e.servingNetwork = roam.network;
          e.visitedCountry = roam.country;
        }
        const billSec = kind === 'voice' ? rng.int(480, 1200) : rng.int(360, 900);
        events.push(call(e, true, rng.int(3, 10), billSec));
        at = e.endMs + rng.int(1, 8) * MIN;
      }
    }
    labels.push({ pattern: 'spike', subjectKind: 'subscriber', subject: line.msisdn, firstAt: dayStart, lastAt: dayStart + DAY - 1 });
  }

  if (inj.tariffError) {
    const from = periodStartMs + inj.tariffError.fromDay * DAY;
    for (const p of inj.tariffError.prefixes)
      labels.push({ pattern: 'revenue', subjectKind: 'destination', subject: `international:${p.country}`, firstAt: from, lastAt: periodStartMs + o.days * DAY - 1 });
  }
  events.sort((a, b) => a.startMs - b.startMs || a.seq - b.seq);
  return { events, labels };
}
