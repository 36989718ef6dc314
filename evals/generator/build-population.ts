import type { OperatorSettings } from '../../tools/classify/classification.types.ts';
import { DEFAULT_HOME_NETWORK, LOCAL_AREA_PREFIX, SUBSCRIBER_FIXED_BLOCK, SUBSCRIBER_MOBILE_BLOCKS, ROAMING_NETWORKS, TRUNK_PREFIX, VISITOR_HOMES, type NumberBlock } from './gb-number-plan.ts';
import { Random, createWeightedPicker, lowerBound } from './random.ts';

export type UsageLevel = 'light' | 'medium' | 'heavy';

/** A period abroad; days are indices from the start of the generated period, inclusive. */
export interface Trip {
  network: string;
  country: string;
  firstDay: number;
  lastDay: number;
}

/** One of the operator's subscribers (or, for visitors, a foreign SIM on our network). */
export interface Subscriber {
  /** E.164 digits without '+'. */
  msisdn: string;
  line: 'mobile' | 'fixed';
  segment: 'consumer' | 'business';
  usage: UsageLevel;
  /** Null for fixed lines, which have no SIM. */
  imsi: string | null;
  /** Caller-id name; business names deliberately include commas, quotes and non-ASCII. */
  name: string;
  /** Asterisk/FreeSWITCH accountcode; empty for consumers, shared by a company's lines. */
  account: string;
  /** PBX extension of a fixed business line (Asterisk channel `SIP/<ext>-...`). */
  extension: string | null;
  trip: Trip | null;
  /** MCC-MNC of the SIM's home network. */
  homeNetwork: string;
}

/** The classifier settings under which the generated categories are the right answers. */
export type GeneratedOperatorSettings = Pick<OperatorSettings, 'homeCountry' | 'homeNetworks' | 'onNetPrefixes' | 'localAreaPrefixes' | 'trunkPrefixes'>;

export interface Population {
  subscribers: readonly Subscriber[];
  /** Foreign subscribers roaming onto our network (inbound roaming, generic formats only). */
  visitors: readonly Subscriber[];
  /** Picks a subscriber in proportion to their activity (heavy users originate more traffic). */
  pickSubscriber: (rng: Random) => Subscriber;
  operatorSettings: GeneratedOperatorSettings;
}

export interface PopulationOptions {
  size: number;
  seed: number | string;
  /** Length of the period trips are placed in, in days. */
  days?: number;
  homeNetwork?: string;
  /** Share of fixed-line business subscribers (London DDIs). */
  fixedShare?: number;
}

const FIRST_NAMES = [
  'Oliver',
  'Amelia',
  'George',
  'Isla',
  'Harry',
  'Ava',
  'Noah',
  'Mia',
  'Jack',
  'Sophia',
  'Leo',
  'Grace',
  'Arthur',
  'Lily',
  'Muhammad',
  'Freya',
  'Oscar',
  'Priya',
  'Siobhán',
  'Chidi',
  'Zoë',
  'Wojciech',
];
const LAST_NAMES = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Patel', 'Khan', "O'Brien", 'Evans', 'Thomas', 'Roberts', 'Nowak', 'Okafor', 'MacLeod', 'Ní Bhriain', 'Singh', 'Davies'];
const COMPANIES = [
  'Acme Widgets Ltd',
  'Smith, Jones & Partners',
  'The "Bean" Café',
  'Northwind Traders',
  'Brick Lane Bagels',
  'Thames Logistics plc',
  'Müller & Söhne UK',
  'Kite, Crane, Hook LLP',
  'Globex UK',
  "St. Mary's Surgery",
];

const USAGE_WEIGHT: Record<UsageLevel, number> = { light: 1, medium: 3, heavy: 8 };
const pickUsage = createWeightedPicker<UsageLevel>([
  ['light', 50],
  ['medium', 35],
  ['heavy', 15],
]);
const pickRoamingNetwork = createWeightedPicker(ROAMING_NETWORKS);

/** Builds a deterministic subscriber population on the operator's number blocks, with usage profiles, trips abroad and foreign visitors. */
export function buildPopulation(options: PopulationOptions): Population {
  const { size, seed, days = 31, homeNetwork = DEFAULT_HOME_NETWORK, fixedShare = 0.08 } = options;
  if (!Number.isInteger(size) || size < 1) throw new Error(`population size must be a positive integer, got ${size}`);
  const rng = new Random(`population:${String(seed)}`);
  const mobileCapacity = SUBSCRIBER_MOBILE_BLOCKS.reduce((n, b) => n + 10 ** b.digits, 0);
  const fixedCount = Math.min(Math.round(size * fixedShare), 10 ** SUBSCRIBER_FIXED_BLOCK.digits);
  const mobileCount = size - fixedCount;
  if (mobileCount > mobileCapacity) throw new Error(`population size ${size} exceeds the ${mobileCapacity} mobile numbers available`);

  const fixedNumbers = distinctNumbers(rng, SUBSCRIBER_FIXED_BLOCK);
  const mobileNumbers = SUBSCRIBER_MOBILE_BLOCKS.map((b) => distinctNumbers(rng, b));
  const imsiFor = distinctImsis(rng, homeNetwork);
  const companyCount = Math.max(1, Math.round(size / 25));

  const subscribers: Subscriber[] = [];
  for (let i = 0; i < size; i++) {
    const fixed = i < fixedCount;
    const business = fixed || rng.chance(0.2);
    const company = business ? rng.int(0, companyCount - 1) : -1;
    const companyName = COMPANIES[company % COMPANIES.length] ?? '';
    const person = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    let msisdn: string;
    if (fixed) msisdn = fixedNumbers(i);
    else {
      const m = i - fixedCount;
      msisdn = (mobileNumbers[m % mobileNumbers.length] as (j: number) => string)(Math.floor(m / mobileNumbers.length));
    }
    subscribers.push({
      msisdn,
      line: fixed ? 'fixed' : 'mobile',
      segment: business ? 'business' : 'consumer',
      usage: pickUsage(rng),
      imsi: fixed ? null : imsiFor(i),
      name: fixed ? companyName : business ? `${person} (${companyName})` : person,
      account: business ? `BIZ${String(company + 1).padStart(4, '0')}` : '',
      extension: fixed ? String(1000 + rng.int(0, 898)) : null,
      trip: !fixed && rng.chance(0.04) ? planTrip(rng, days) : null,
      homeNetwork,
    });
  }

  const visitors = buildVisitors(rng, Math.max(5, Math.round(size / 100)));
  return {
    subscribers,
    visitors,
    pickSubscriber: createActivityPicker(subscribers),
    operatorSettings: {
      homeCountry: 'GB',
      homeNetworks: [homeNetwork],
      onNetPrefixes: [...SUBSCRIBER_MOBILE_BLOCKS, SUBSCRIBER_FIXED_BLOCK].map((b) => b.prefix),
      localAreaPrefixes: [LOCAL_AREA_PREFIX],
      trunkPrefixes: [TRUNK_PREFIX],
    },
  };
}

// An affine permutation j -> (a*j + b) mod 10^digits (a coprime with 10) hands out distinct
// numbers that still look scattered, without a Set of every number issued so far.
function distinctNumbers(rng: Random, block: NumberBlock): (j: number) => string {
  const capacity = 10 ** block.digits;
  const a = coprimeWithTen(rng, capacity);
  const b = rng.int(0, capacity - 1);
  return (j) => block.prefix + String((a * j + b) % capacity).padStart(block.digits, '0');
}

function distinctImsis(rng: Random, network: string): (j: number) => string {
  const msinDigits = 15 - network.length;
  const capacity = 10 ** msinDigits;
  const a = coprimeWithTen(rng, 1_000_000);
  const b = rng.int(0, 999_999_999);
  // a < 1e6 and j < 1e6 keep a*j + b exact in a double.
  return (j) => network + String((a * j + b) % capacity).padStart(msinDigits, '0');
}

function coprimeWithTen(rng: Random, below: number): number {
  for (;;) {
    const a = rng.int(below / 10, below - 1);
    if (a % 2 !== 0 && a % 5 !== 0) return a;
  }
}

function planTrip(rng: Random, days: number): Trip {
  const { network, country } = pickRoamingNetwork(rng);
  const firstDay = rng.int(0, Math.max(0, days - 1));
  const lastDay = Math.min(days - 1, firstDay + rng.int(1, 9));
  return { network, country, firstDay, lastDay };
}

function buildVisitors(rng: Random, count: number): Subscriber[] {
  const visitors: Subscriber[] = [];
  for (let i = 0; i < count; i++) {
    const [block, home] = rng.pick(VISITOR_HOMES);
    visitors.push({
      msisdn: block.prefix + rng.digits(block.digits),
      line: 'mobile',
      segment: 'consumer',
      usage: 'medium',
      imsi: home.network + rng.digits(15 - home.network.length),
      name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      account: '',
      extension: null,
      trip: null,
      homeNetwork: home.network,
    });
  }
  return visitors;
}

function createActivityPicker(subscribers: readonly Subscriber[]): (rng: Random) => Subscriber {
  const cumulative = new Float64Array(subscribers.length);
  let total = 0;
  subscribers.forEach((s, i) => {
    total += USAGE_WEIGHT[s.usage] * (s.segment === 'business' ? 1.5 : 1);
    cumulative[i] = total;
  });
  return (rng) => subscribers[lowerBound(cumulative, rng.float() * total)] as Subscriber;
}
