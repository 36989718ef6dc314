import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { buildPopulation, type Population } from './build-population.ts';
import { createReceivedEventFactory, createUsageEventFactory } from './create-usage-event.ts';
import { ASTERISK_MALFORMED_KINDS, createAsteriskRowFormatter } from './format-asterisk-row.ts';
import { FREESWITCH_MALFORMED_KINDS, createFreeswitchRowFormatter } from './format-freeswitch-row.ts';
import { CSV_MALFORMED_KINDS, GENERIC_CSV_COLUMNS, JSONL_MALFORMED_KINDS, createCsvRowFormatter, createJsonlRowFormatter } from './format-generic-row.ts';
import {
  EXPECTED_CATEGORIES,
  generatorOptionsSchema,
  type ExpectedCategory,
  type GeneratedRow,
  type GenerationStats,
  type GeneratorOptions,
  type MalformedKind,
  type ResolvedGeneratorOptions,
  type UsageEvent,
} from './generator.types.ts';
import { planFraud, type InjectedFraud } from './inject-fraud.ts';
import { iterateStartTimes, planTimeline } from './plan-timeline.ts';
import { Random } from './random.ts';

// Duplicates are drawn from this many most recent records: a re-sent batch, not a random replay.
const RECENT_LINES = 512;
// ~64K characters per write keeps syscalls few without holding much memory.
const CHUNK_CHARS = 65_536;
// Calls from other networks are numbered apart (Asterisk uniqueid suffix, never a subscriber row's).
const RECEIVED_SEQ_BASE = 100_000_000;

type RowFormatter = (event: UsageEvent, malformed?: MalformedKind) => string;

function createRowFormatter(o: ResolvedGeneratorOptions): { format: RowFormatter; malformedKinds: readonly MalformedKind[] } {
  switch (o.format) {
    case 'asterisk':
      return { format: createAsteriskRowFormatter(o.asteriskColumns, o.timezone, o.seed), malformedKinds: ASTERISK_MALFORMED_KINDS };
    case 'freeswitch':
      return { format: createFreeswitchRowFormatter(o.freeswitchTemplate, o.timezone, o.seed), malformedKinds: FREESWITCH_MALFORMED_KINDS };
    case 'csv':
      return { format: createCsvRowFormatter(), malformedKinds: CSV_MALFORMED_KINDS };
    case 'jsonl':
      return { format: createJsonlRowFormatter(o.timezone), malformedKinds: JSONL_MALFORMED_KINDS };
  }
}

/** Validates generator options and fills in every default. */
export function resolveGeneratorOptions(options: GeneratorOptions = {}): ResolvedGeneratorOptions {
  return generatorOptionsSchema.parse(options);
}

/** Builds the subscriber population a generation run with these options uses (same seed, same subscribers). */
export function buildPopulationFor(options: GeneratorOptions = {}): Population {
  const o = resolveGeneratorOptions(options);
  return buildPopulation({ size: o.subscribers, seed: o.seed, days: o.days, homeNetwork: o.homeNetwork });
}

/** The line written before the data rows (the generic CSV header), or null for headerless formats. */
export function headerLineFor(options: GeneratorOptions = {}): string | null {
  return resolveGeneratorOptions(options).format === 'csv' ? GENERIC_CSV_COLUMNS.join(',') : null;
}

/** The fraud a generation run with these options injects, and its labels (empty without `fraud`). */
export function injectedFraudFor(options: GeneratorOptions = {}): InjectedFraud {
  const o = resolveGeneratorOptions(options);
  if (!o.fraud) return { events: [], labels: [] };
  const population = buildPopulation({ size: o.subscribers, seed: o.seed, days: o.days, homeNetwork: o.homeNetwork });
  return planFraud(o, population, planTimeline(0, o.start, o.days, o.timezone).startMs, o.fraud);
}

/** Yields every data line of a generated file with its ground truth, in file order (the header excluded). */
export function* generateRows(options: GeneratorOptions = {}): Generator<GeneratedRow> {
  const o = resolveGeneratorOptions(options);
  const seed = String(o.seed);
  const population = buildPopulation({ size: o.subscribers, seed: o.seed, days: o.days, homeNetwork: o.homeNetwork });
  const timeline = planTimeline(o.rows, o.start, o.days, o.timezone);
  const createEvent = createUsageEventFactory(o, population, timeline.startMs);
  const { format, malformedKinds } = createRowFormatter(o);
  // Separate streams keep the timeline independent of how many draws each row's content takes.
  const timeRng = new Random(`time:${seed}`);
  const rowRng = new Random(`rows:${seed}`);
  const eventRng = new Random(`events:${seed}`);
  const recent: string[] = [];
  let seq = 0;
  let malformedCount = 0;
  // Calls from other networks (switch formats): their own stream, formatter and numbering, so
  // the rows of our subscribers' traffic are the same with or without them.
  const switchFormat = o.format === 'asterisk' || o.format === 'freeswitch';
  const receivedShare = switchFormat ? o.inboundShare + o.transitShare : 0;
  const createReceived = createReceivedEventFactory(population);
  const formatReceived = receivedShare > 0 ? createRowFormatter({ ...o, seed: `${seed}:received` }).format : null;
  const receivedRng = new Random(`received:${seed}`);
  let receivedSeq = RECEIVED_SEQ_BASE;
  // Injected fraud joins the stream in time order; its own formatter and random stream leave the other rows as they were.
  const injected = o.fraud ? planFraud(o, population, timeline.startMs, o.fraud).events : [];
  const formatInjected = injected.length > 0 ? createRowFormatter({ ...o, seed: `${seed}:fraud` }).format : null;
  let nextInjected = 0;

  for (const startMs of iterateStartTimes(timeline, timeRng)) {
    while (formatInjected && nextInjected < injected.length && injected[nextInjected]!.startMs <= startMs) {
      const event = injected[nextInjected++]!;
      yield { kind: 'record', line: formatInjected(event), event };
    }
    // Expected arrivals per row: a whole part always, the fraction by chance.
    for (let k = receivedShare; formatReceived && k > 0 && receivedRng.float() < k; k -= 1) {
      const direction = receivedRng.float() * receivedShare < o.transitShare ? 'transit' : 'inbound';
      const event = createReceived(receivedRng, receivedSeq++, startMs, direction);
      yield { kind: 'record', line: formatReceived(event), event };
    }
    const r = rowRng.float();
    if (r < o.duplicateRate && recent.length > 0) {
      yield { kind: 'duplicate', line: recent[Math.floor(rowRng.float() * recent.length)] as string };
      continue;
    }
    const event = createEvent(eventRng, seq++, startMs);
    if (r < o.duplicateRate + o.malformedRate) {
      // Cycling the kinds (rather than drawing them) guarantees each appears once enough rows are malformed.
      const kind = malformedKinds[malformedCount++ % malformedKinds.length] as MalformedKind;
      yield { kind: 'malformed', line: format(event, kind), malformed: kind, event };
      continue;
    }
    const line = format(event);
    if (recent.length < RECENT_LINES) recent.push(line);
    else recent[event.seq % RECENT_LINES] = line;
    yield { kind: 'record', line, event };
  }
  while (formatInjected && nextInjected < injected.length) {
    const event = injected[nextInjected++]!;
    yield { kind: 'record', line: formatInjected(event), event };
  }
}

function emptyStats(o: ResolvedGeneratorOptions): GenerationStats {
  const timeline = planTimeline(0, o.start, o.days, o.timezone);
  return {
    format: o.format,
    rows: 0,
    headerLines: 0,
    records: 0,
    duplicates: 0,
    malformed: { total: 0, byKind: {} },
    byService: { voice: 0, sms: 0, data: 0 },
    byCategory: Object.fromEntries(EXPECTED_CATEGORIES.map((c) => [c, 0])) as Record<ExpectedCategory, number>,
    byRoaming: { none: 0, outbound: 0, inbound: 0 },
    byDirection: { outbound: 0, inbound: 0, transit: 0 },
    byDisposition: { answered: 0, no_answer: 0, busy: 0, failed: 0, congestion: 0 },
    usage: { voiceBillableMs: 0, smsMessages: 0, dataBytes: 0 },
    bytes: 0,
    periodStartMs: timeline.startMs,
    periodEndMs: timeline.endMs,
  };
}

function tally(stats: GenerationStats, row: GeneratedRow): void {
  stats.rows++;
  if (row.kind === 'duplicate') {
    stats.duplicates++;
    return;
  }
  if (row.kind === 'malformed') {
    stats.malformed.total++;
    stats.malformed.byKind[row.malformed] = (stats.malformed.byKind[row.malformed] ?? 0) + 1;
    return;
  }
  const e = row.event;
  stats.records++;
  stats.byService[e.service]++;
  stats.byCategory[e.category]++;
  stats.byRoaming[e.roaming]++;
  stats.byDirection[e.direction]++;
  if (e.service === 'voice') {
    stats.byDisposition[e.disposition]++;
    stats.usage.voiceBillableMs += e.billMs;
  } else if (e.service === 'sms') stats.usage.smsMessages += e.volume;
  else stats.usage.dataBytes += e.volume;
}

/**
 * Generates a CDR file's text in ~64K-character chunks and hands each to `write`; when `write`
 * returns a promise (a full stream buffer), generation pauses until it settles. Resolves with the totals.
 */
export async function generateCdrs(options: GeneratorOptions, write: (chunk: string) => void | Promise<void>): Promise<GenerationStats> {
  const o = resolveGeneratorOptions(options);
  const stats = emptyStats(o);
  let chunk = '';
  const flush = async (): Promise<void> => {
    stats.bytes += Buffer.byteLength(chunk);
    const pending = write(chunk);
    chunk = '';
    if (pending) await pending;
  };
  const header = headerLineFor(o);
  if (header !== null) {
    chunk = `${header}\n`;
    stats.headerLines = 1;
  }
  for (const row of generateRows(o)) {
    tally(stats, row);
    chunk += `${row.line}\n`;
    if (chunk.length >= CHUNK_CHARS) await flush();
  }
  if (chunk.length > 0) await flush();
  return stats;
}

/** Writes a generated CDR file to `path` with backpressure and resolves with its totals once the file is closed. */
export async function writeCdrFile(path: string, options: GeneratorOptions = {}): Promise<GenerationStats> {
  const out = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let failure: Error | null = null;
  out.on('error', (err) => {
    failure = err;
  });
  try {
    const stats = await generateCdrs(options, (chunk) => {
      if (failure) throw failure;
      // 'drain' fires once the buffer empties; once() also rejects if the stream errors meanwhile.
      return out.write(chunk) ? undefined : once(out, 'drain').then(() => undefined);
    });
    out.end();
    await finished(out);
    return stats;
  } catch (err) {
    out.destroy();
    throw err;
  }
}
