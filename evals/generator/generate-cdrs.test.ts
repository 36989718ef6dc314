import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCdrs, generateRows, headerLineFor, writeCdrFile } from './generate-cdrs.ts';
import type { GeneratedFormat, GeneratorOptions } from './generator.types.ts';
import { createLineValidator, parseCsvLine } from './validate-generated-line.ts';

const FORMATS: GeneratedFormat[] = ['asterisk', 'freeswitch', 'csv', 'jsonl'];

async function generateText(options: GeneratorOptions): Promise<string> {
  const chunks: string[] = [];
  await generateCdrs(options, (c) => {
    chunks.push(c);
  });
  return chunks.join('');
}

function dataLines(text: string, format: GeneratedFormat): string[] {
  const lines = text.split('\n');
  expect(lines.pop()).toBe(''); // every line, the last included, ends with a newline
  return format === 'csv' ? lines.slice(1) : lines;
}

const dir = mkdtempSync(join(tmpdir(), 'cdr-gen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('determinism', () => {
  it.each(FORMATS)('%s: the same seed gives the same bytes, another seed different bytes', async (format) => {
    const a = await generateText({ format, rows: 3_000, seed: 17, malformedRate: 0.01, duplicateRate: 0.01 });
    const b = await generateText({ format, rows: 3_000, seed: 17, malformedRate: 0.01, duplicateRate: 0.01 });
    const c = await generateText({ format, rows: 3_000, seed: 18, malformedRate: 0.01, duplicateRate: 0.01 });
    expect(createHash('sha256').update(a).digest('hex')).toBe(createHash('sha256').update(b).digest('hex'));
    expect(a).not.toBe(c);
  });

  it('writes byte-identical files for the same seed', async () => {
    const opts = { format: 'asterisk', rows: 5_000, seed: 'abc' } as const;
    await writeCdrFile(join(dir, 'a.csv'), opts);
    await writeCdrFile(join(dir, 'b.csv'), opts);
    expect(readFileSync(join(dir, 'a.csv')).equals(readFileSync(join(dir, 'b.csv')))).toBe(true);
  });
});

describe('row count and stats', () => {
  it.each([
    ['asterisk', 0],
    ['asterisk', 1],
    ['freeswitch', 2_345],
    ['csv', 4_321],
    ['jsonl', 10_007],
  ] as const)('%s with %i rows writes exactly that many data lines, plus the calls from other networks of a switch', async (format, rows) => {
    const path = join(dir, `${format}-${rows}.txt`);
    const stats = await writeCdrFile(path, { format, rows, malformedRate: 0.01, duplicateRate: 0.01 });
    const text = readFileSync(path, 'utf8');
    // Generic files hold inbound records of their own; only a switch's file gets calls on top of `rows`.
    const received = format === 'csv' || format === 'jsonl' ? 0 : stats.byDirection.inbound + stats.byDirection.transit;
    expect(text === '' ? [] : dataLines(text, format)).toHaveLength(rows + received);
    expect(stats.rows).toBe(rows + received);
    expect(stats.records + stats.duplicates + stats.malformed.total).toBe(rows + received);
    expect(stats.headerLines).toBe(format === 'csv' ? 1 : 0);
    expect(stats.bytes).toBe(statSync(path).size);
    const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
    expect(sum(stats.byCategory)).toBe(stats.records);
    expect(sum(stats.byService)).toBe(stats.records);
    expect(sum(stats.byRoaming)).toBe(stats.records);
    expect(sum(stats.byDirection)).toBe(stats.records);
    expect(sum(stats.byDisposition)).toBe(stats.byService.voice);
    expect(sum(stats.malformed.byKind)).toBe(stats.malformed.total);
  });

  it('rejects bad options', async () => {
    await expect(generateText({ rows: -1 })).rejects.toThrow();
    await expect(generateText({ start: '2025-02-30' })).rejects.toThrow();
    await expect(generateText({ timezone: 'Mars/Olympus' })).rejects.toThrow();
    await expect(generateText({ asteriskColumns: 17 as 16 })).rejects.toThrow();
    await expect(generateText({ extra: 1 } as GeneratorOptions)).rejects.toThrow();
  });
});

describe('well-formed lines and deliberate malformations', () => {
  const cases: [string, GeneratorOptions][] = [
    ['asterisk 16', { format: 'asterisk', asteriskColumns: 16 }],
    ['asterisk 18', { format: 'asterisk', asteriskColumns: 18 }],
    ['asterisk 21', { format: 'asterisk', asteriskColumns: 21 }],
    ['freeswitch default', { format: 'freeswitch', freeswitchTemplate: 'default' }],
    ['freeswitch example', { format: 'freeswitch', freeswitchTemplate: 'example' }],
    ['csv', { format: 'csv' }],
    ['jsonl', { format: 'jsonl' }],
  ];

  it.each(cases)('%s: every record line is valid, every malformed line fails for its stated reason', async (_, base) => {
    // Spans the spring DST change so local timestamps cross it.
    const options: GeneratorOptions = { ...base, rows: 8_000, seed: 5, start: '2025-03-27', days: 6, malformedRate: 0.01, duplicateRate: 0.005 };
    const format = base.format as GeneratedFormat;
    const validate = createLineValidator(format, 'Europe/London', headerLineFor(options) ?? undefined);
    const expected = { asterisk: base.asteriskColumns, freeswitch: base.freeswitchTemplate === 'example' ? 15 : 13, csv: 13, jsonl: null }[format];
    const seen = new Set<string>();
    const byKind: Record<string, number> = {};
    let malformed = 0;
    for (const row of generateRows(options)) {
      if (row.kind === 'malformed') {
        malformed++;
        byKind[row.malformed] = (byKind[row.malformed] ?? 0) + 1;
        expect(validate(row.line), row.line).toBe(row.malformed);
        continue;
      }
      expect(validate(row.line), row.line).toBeNull();
      if (row.kind === 'duplicate') expect(seen.has(row.line), 'a duplicate repeats an earlier line').toBe(true);
      else {
        seen.add(row.line);
        if (expected) {
          const parsed = parseCsvLine(row.line);
          expect(typeof parsed === 'object' && parsed.fields.length).toBe(expected);
        }
      }
    }
    const stats = await generateCdrs(options, () => {});
    expect(stats.malformed.total).toBe(malformed);
    expect(stats.malformed.byKind).toEqual(byKind);
    expect(malformed).toBeGreaterThan(40);
    const kinds = { asterisk: 5, freeswitch: 5, csv: 5, jsonl: 4 }[format];
    expect(Object.keys(byKind)).toHaveLength(kinds);
    expect(stats.duplicates).toBeGreaterThan(10);
  });

  it('writes the generic CSV header first', async () => {
    const text = await generateText({ format: 'csv', rows: 3 });
    expect(text.split('\n')[0]).toBe('record_id,service,direction,subscriber,imsi,serving_network,visited_country,other_party,start,duration,disposition,volume,notes');
    expect(headerLineFor({ format: 'jsonl' })).toBeNull();
  });

  it('keeps Asterisk uniqueids increasing and generic record ids unique', () => {
    let last = -Infinity;
    let lastSeq = -1;
    // Our subscribers' rows; calls from other networks are numbered apart (from 100,000,000).
    for (const row of generateRows({ format: 'asterisk', rows: 5_000, duplicateRate: 0 })) {
      if (row.kind !== 'record' || row.event.direction !== 'outbound') continue;
      const parsed = parseCsvLine(row.line);
      if (typeof parsed === 'string') throw new Error(parsed);
      const [sec, seq] = (parsed.fields[16] ?? '').split('.').map(Number) as [number, number];
      expect(sec).toBeGreaterThanOrEqual(last);
      expect(seq).toBeGreaterThan(lastSeq);
      last = sec;
      lastSeq = seq;
    }
    const ids = new Set<string>();
    for (const row of generateRows({ format: 'jsonl', rows: 5_000, duplicateRate: 0, malformedRate: 0 })) {
      const id = (JSON.parse(row.line) as { record_id: string }).record_id;
      expect(ids.has(id)).toBe(false);
      ids.add(id);
    }
  });
});

describe('streaming', () => {
  it('waits for each write promise before producing the next chunk', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let chunks = 0;
    await generateCdrs({ format: 'jsonl', rows: 20_000 }, async (chunk) => {
      chunks++;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      expect(chunk.length).toBeLessThan(70_000);
      await new Promise((r) => setImmediate(r));
      inFlight--;
    });
    expect(chunks).toBeGreaterThan(10);
    expect(maxInFlight).toBe(1);
  });

  it('rejects when the file cannot be written', async () => {
    await expect(writeCdrFile(join(dir, 'missing', 'x.csv'), { rows: 10 })).rejects.toThrow(/ENOENT/);
  });
});

describe('calls from other networks in switch files', () => {
  it.each(['asterisk', 'freeswitch'] as const)('%s: inbound and transit in believable shares, from their own stream', async (format) => {
    const base = { format, rows: 6_000, seed: 9, malformedRate: 0, duplicateRate: 0 } as const;
    const rows = [...generateRows(base)];
    const own = rows.filter((r) => r.kind === 'record' && r.event.direction === 'outbound').map((r) => r.line);
    // Our subscribers' rows are exactly those of a file without calls from other networks.
    expect(own).toEqual([...generateRows({ ...base, inboundShare: 0, transitShare: 0 })].map((r) => r.line));
    const by = (d: string) => rows.filter((r) => r.kind === 'record' && r.event.direction === d).length;
    const total = rows.length;
    expect(by('inbound') / total).toBeGreaterThan(0.28);
    expect(by('inbound') / total).toBeLessThan(0.38);
    expect(by('transit') / total).toBeGreaterThan(0.01);
    expect(by('transit') / total).toBeLessThan(0.04);
  });
});
