import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOperatorSetting } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { buildPopulationFor, generateRows, headerLineFor, Random, type GeneratorOptions } from '../../evals/generator/index.ts';
import { isCsvSplitFailure, quoteCsvField, splitCsvLine, type CdrFormat } from '../../tools/cdr/index.ts';
import { importTariffFromPath } from './tariffs.ts';
import { ingestFile } from '../../app/ingest/index.ts';

// Seeded fuzzing of the whole ingest path (issue 8): thousands of valid generated lines per format
// are mutated the way broken switches, exports and attackers mutate them, ingested and rated into
// a real SQLite file, and the stored result is checked against the plausibility contract as
// documented (docs/cdr-formats.md, "Plausibility"), computed here independently of the checker.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ROWS = 2500;
const NOW = Date.UTC(2025, 3, 2, 12, 0, 0); // the generated month is March 2025
const DAY_MS = 86_400_000;
const OLDEST = NOW - 3650 * DAY_MS;
const LATEST = NOW + 900_000;
const TOLERANCE_MS = 5000;
const MAX_CALL_MS = 86_400_000;
const VALID_SUBSCRIBER = /^\+?[0-9]{1,15}$/;

const GARBAGE_SUBSCRIBERS = ['abc', '+', '*#06#', "'; DROP TABLE usage_events;--", '1'.repeat(100), '4470 0900 123', 'sip:alice@pbx', '٤٤٧٧OO', '-447700900123', '0x1F'];
const DIGIT_ZEROS = [0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x1d7ce];
const BAD_TIMES = ['1970-01-01 00:00:00', '9999-12-31 23:59:59', '2099-01-01 00:00:00', '1999-12-31 23:59:59', '2025-13-01 00:00:00', '2025-03-01 25:61:00', 'yesterday'];

/** Where each format keeps the fields the mutations aim at (generic formats by name). */
const FIELDS: Record<'asterisk' | 'freeswitch', { subscriber: number; start: number; answer: number; end: number; duration: number; billsec: number }> = {
  asterisk: { subscriber: 1, start: 9, answer: 10, end: 11, duration: 12, billsec: 13 },
  freeswitch: { subscriber: 1, start: 4, answer: 5, end: 6, duration: 7, billsec: 8 },
};

type Fields = { get(name: string): string; set(name: string, value: string): void; text(): string };

/** A line's fields, by role, for the four formats; null when the line no longer splits (an earlier mutation broke it). */
function fieldsOf(format: CdrFormat, line: string): Fields | null {
  if (format === 'jsonl') {
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return null;
    }
    const key = (name: string) => (name === 'billsec' ? 'duration' : name);
    return { get: (n) => String(o[key(n)] ?? ''), set: (n, v) => void (o[key(n)] = v), text: () => JSON.stringify(o) };
  }
  const cells = splitCsvLine(line);
  if (isCsvSplitFailure(cells)) return null;
  if (format === 'csv') {
    const at = (n: string) => ({ subscriber: 3, start: 8, duration: 9, billsec: 9 })[n] ?? -1;
    return { get: (n) => cells[at(n)] ?? '', set: (n, v) => void (at(n) >= 0 && (cells[at(n)] = v)), text: () => cells.map(quoteCsvField).join(',') };
  }
  const f = FIELDS[format] as Record<string, number>;
  return { get: (n) => cells[f[n] ?? -1] ?? '', set: (n, v) => void (f[n] !== undefined && (cells[f[n]] = v)), text: () => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',') };
}

function toScript(digits: string, zero: number): string {
  return [...digits].map((d) => (d >= '0' && d <= '9' ? String.fromCodePoint(zero + Number(d)) : d)).join('');
}

type Mutation = { name: string; apply(format: CdrFormat, line: string, rng: Random): string };

const MUTATIONS: Mutation[] = [
  {
    name: 'flip a digit',
    apply: (_f, line, rng) => {
      const at = [...line].flatMap((c, i) => (c >= '0' && c <= '9' ? [i] : []));
      if (at.length === 0) return line;
      const i = rng.pick(at);
      return line.slice(0, i) + String((Number(line[i]) + rng.int(1, 9)) % 10) + line.slice(i + 1);
    },
  },
  {
    name: 'huge billsec',
    apply: (format, line, rng) => {
      const f = fieldsOf(format, line);
      if (!f) return line;
      const huge = String(rng.pick([86_401, 8_640_000, 99_999_999, 10 ** rng.int(6, 14)]));
      f.set('billsec', huge);
      if (rng.chance(0.7)) f.set('duration', huge);
      return f.text();
    },
  },
  {
    name: 'swapped or garbage times',
    apply: (format, line, rng) => {
      const f = fieldsOf(format, line);
      if (!f) return line;
      const kind = rng.int(0, 2);
      if (kind === 0 && format !== 'csv' && format !== 'jsonl') {
        const start = f.get('start');
        f.set('start', f.get('end'));
        f.set('end', start);
      } else {
        const bad = rng.pick(BAD_TIMES);
        const iso = format === 'csv' || format === 'jsonl' ? `${bad.replace(' ', 'T')}Z` : bad;
        f.set(rng.pick(format === 'csv' || format === 'jsonl' ? ['start'] : ['start', 'answer', 'end']), iso);
      }
      return f.text();
    },
  },
  {
    name: 'garbage subscriber',
    apply: (format, line, rng) => {
      const f = fieldsOf(format, line);
      if (!f) return line;
      f.set('subscriber', rng.pick(GARBAGE_SUBSCRIBERS));
      return f.text();
    },
  },
  {
    name: 'unicode digits',
    apply: (format, line, rng) => {
      const f = fieldsOf(format, line);
      if (!f) return line;
      const written = toScript(f.get('subscriber'), rng.pick(DIGIT_ZEROS));
      f.set('subscriber', rng.chance(0.3) ? `${written}\u200b` : rng.chance(0.2) ? `\u2066${written}\u2069` : written);
      return f.text();
    },
  },
  { name: 'truncate', apply: (_f, line, rng) => line.slice(0, rng.int(1, Math.max(1, line.length - 1))) },
];

type FuzzRun = {
  format: CdrFormat;
  lines: string[];
  applied: Map<number, string[]>;
  counts: Awaited<ReturnType<typeof ingestFile>>;
  events: Array<{ lineNo: number; subscriber: string; service: string; startTime: number; answerTime: number | null; endTime: number | null; durationMs: number; usage: number; status: string }>;
  fates: Map<number, string[]>;
};

async function fuzz(format: CdrFormat, seed: number): Promise<FuzzRun> {
  const store = createTempStore();
  try {
    const options: GeneratorOptions = { format, rows: ROWS, seed, subscribers: 300, malformedRate: 0, duplicateRate: 0.002 };
    const settings = { ...JSON.parse(readFileSync(join(ROOT, 'evals/datasets/demo-operator/settings.json'), 'utf8')), ...buildPopulationFor(options).operatorSettings };
    for (const [k, v] of Object.entries(settings)) setOperatorSetting(store, k, v);
    importTariffFromPath(join(ROOT, 'evals/datasets/demo-operator/tariff.yaml'), {}, store);

    const rng = new Random(`fuzz-${format}-${seed}`);
    const header = headerLineFor(options);
    const lines: string[] = header === null ? [] : [header];
    const applied = new Map<number, string[]>();
    for (const row of generateRows(options)) {
      let line = row.line;
      const names: string[] = [];
      if (rng.chance(0.85)) {
        for (let k = rng.chance(0.25) ? 2 : 1; k > 0; k--) {
          const m = rng.pick(MUTATIONS);
          line = m.apply(format, line, rng);
          names.push(m.name);
        }
      }
      lines.push(line);
      if (names.length) applied.set(lines.length, names);
    }
    const path = join(store.dir, `fuzz.${format}`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const counts = await ingestFile(store, path, { format, rate: true, now: NOW });

    const events = store.sqlite
      .prepare(
        'SELECT line_no AS lineNo, subscriber, service, start_time AS startTime, answer_time AS answerTime, end_time AS endTime, duration_ms AS durationMs, usage, status FROM usage_events WHERE batch_id = ?',
      )
      .all(counts.batchId) as FuzzRun['events'];
    const fates = new Map<number, string[]>();
    const note = (table: string) => {
      for (const r of store.sqlite.prepare(`SELECT line_no AS lineNo FROM ${table} WHERE batch_id = ?`).all(counts.batchId) as Array<{ lineNo: number }>) {
        fates.set(r.lineNo, [...(fates.get(r.lineNo) ?? []), table]);
      }
    };
    note('usage_events');
    note('quarantine');
    note('ingest_duplicates');
    return { format, lines, applied, counts, events, fates };
  } finally {
    store.cleanup();
  }
}

/** Why a stored event breaks the plausibility contract, or null. */
function implausibility(e: FuzzRun['events'][number]): string | null {
  if (!VALID_SUBSCRIBER.test(e.subscriber)) return `subscriber ${JSON.stringify(e.subscriber)}`;
  const times = [e.startTime, e.answerTime, e.endTime].filter((t): t is number => t !== null);
  if (e.startTime < OLDEST || Math.max(...times) > LATEST) return `times ${times.map((t) => new Date(t).toISOString()).join(' ')}`;
  if (e.service === 'voice') {
    if (e.endTime !== null && Math.abs(e.endTime - e.startTime - e.durationMs) > TOLERANCE_MS) return `duration ${e.durationMs} vs start-end`;
    if (e.answerTime !== null && e.endTime !== null && Math.abs(e.endTime - e.answerTime - e.usage) > TOLERANCE_MS) return `usage ${e.usage} vs answer-end`;
    if (e.usage > MAX_CALL_MS || e.durationMs > MAX_CALL_MS) return `a call of ${e.durationMs} ms`;
  }
  return null;
}

const runs = new Map<CdrFormat, FuzzRun>();
beforeAll(async () => {
  for (const format of ['asterisk', 'freeswitch', 'csv', 'jsonl'] as const) runs.set(format, await fuzz(format, 20250310));
}, 360_000);
afterAll(() => runs.clear());

describe.each(['asterisk', 'freeswitch', 'csv', 'jsonl'] as const)('fuzzed %s ingest (seeded, real SQLite)', (format) => {
  it('mutates thousands of lines', () => {
    expect(runs.get(format)!.applied.size).toBeGreaterThan(2000);
  });

  it('stores no event with an invalid subscriber, an implausible duration or an implausible time', () => {
    const run = runs.get(format)!;
    const bad = run.events.flatMap((e) => {
      const why = implausibility(e);
      return why === null ? [] : [{ lineNo: e.lineNo, why, mutations: run.applied.get(e.lineNo), line: run.lines[e.lineNo - 1] }];
    });
    expect(bad).toEqual([]);
    expect(run.events.filter((e) => e.status === 'rated').length).toBeGreaterThan(0);
  });

  it('reconciles every line: read = accepted + duplicates + quarantined, each line in exactly one recorded state', () => {
    const { counts, fates, lines } = runs.get(format)!;
    expect(counts.read).toBe(counts.accepted + counts.duplicates + counts.quarantined);
    expect([...fates.values()].filter((tables) => tables.length !== 1)).toEqual([]);
    expect(fates.size).toBe(counts.read);
    // Only the CSV header or a blank line may go unrecorded (skipped, not read).
    const unrecorded = lines.flatMap((line, i) => (fates.has(i + 1) ? [] : [{ lineNo: i + 1, line }]));
    expect(unrecorded.filter((u) => !(u.line.trim() === '' || (format === 'csv' && u.lineNo === 1)))).toEqual([]);
    expect(counts.skipped).toBe(unrecorded.length);
  });

  it('quarantines the implausible with their own reasons and keeps normalised Unicode numbers', () => {
    const { counts, events, applied } = runs.get(format)!;
    const reasons = Object.keys(counts.quarantineReasons);
    expect(reasons).toEqual(expect.arrayContaining(['INVALID_SUBSCRIBER', 'TIME_TOO_OLD', 'TIME_IN_FUTURE', format === 'csv' || format === 'jsonl' ? 'DURATION_TOO_LONG' : 'DURATION_MISMATCH']));
    const unicodeAccepted = events.filter((e) => applied.get(e.lineNo)?.join() === 'unicode digits');
    expect(unicodeAccepted.length).toBeGreaterThan(50);
  });
});
