import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { plausibilityWindow } from './check-record-plausibility.ts';
import { createParser } from './create-parser.ts';
import { parseCdrBatches, parseCdrLines, type ParsedLine } from './parse-cdr-lines.ts';
import type { CdrFormat } from './usage-record.types.ts';

// The fixtures are from 2024; ingest is taken to happen on 2025-01-01.
const WINDOW = plausibilityWindow(Date.UTC(2025, 0, 1));

async function run(format: CdrFormat, bytes: Buffer, chunkSize = 7): Promise<ParsedLine[]> {
  // Small chunks so records straddle chunk boundaries.
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out: ParsedLine[] = [];
  for await (const r of parseCdrLines(Readable.from(chunks), createParser(format, { timezone: 'Europe/London', plausibility: WINDOW }))) out.push(r);
  return out;
}

const summary = (lines: ParsedLine[]): Array<[number, string]> => lines.map((l) => [l.lineNo, l.outcome.kind === 'quarantine' ? l.outcome.reason : l.outcome.kind]);

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const ASTERISK =
  '"","1001","1002","default","""Bob"" <1001>","SIP/1001-01","SIP/1002-02","Dial","SIP/1002,30","2024-07-01 09:00:00","2024-07-01 09:00:03","2024-07-01 09:01:03",63,60,"ANSWERED","DOCUMENTATION","1719820800.1",""';

describe('parseCdrLines', () => {
  it('handles a BOM, CRLF, a final line without newline and an over-long line, one result per line', async () => {
    const long = `"${'A'.repeat(70 * 1024)}"`;
    const text = `${ASTERISK}\r\n${long}\r\n\r\n${ASTERISK.replace('1719820800.1', '1719820800.2')}`;
    const out = await run('asterisk', Buffer.concat([BOM, Buffer.from(text)]), 4096);
    expect(summary(out)).toEqual([
      [1, 'record'],
      [2, 'LINE_TOO_LONG'],
      [3, 'skip'],
      [4, 'record'],
    ]);
    expect(out[1]!.text.length).toBeLessThanOrEqual(1024);
    const first = out[0]!.outcome;
    expect(first.kind === 'record' && first.record.startTime).toBe(Date.UTC(2024, 6, 1, 8, 0, 0));
    const last = out[3]!.outcome;
    expect(last.kind === 'record' && last.record.sourceId).toBe('1719820800.2');
  });

  it('runs a generic CSV file through, header first', async () => {
    const file = [
      '# nightly export',
      'record_id,service,subscriber,other_party,start,duration,volume,notes',
      'a,voice,447700900123,441632960001,2024-03-31T01:30:00,1.5,,"multi, part"',
      'b,mms,447700900123,441632960001,2024-03-31T01:30:00,,,',
      '',
      'c,data,447700900123,,2024-03-31T01:30:00Z,,2048,',
      '',
    ].join('\n');
    const out = await run('csv', Buffer.from(file));
    expect(summary(out)).toEqual([
      [1, 'skip'],
      [2, 'skip'],
      [3, 'record'],
      [4, 'UNKNOWN_SERVICE'],
      [5, 'skip'],
      [6, 'record'],
    ]);
    const a = out[2]!.outcome;
    // 01:30 on the spring-forward night does not exist in London; it reads forward as 02:30 BST.
    expect(a.kind === 'record' && a.record.startTime).toBe(Date.UTC(2024, 2, 31, 1, 30, 0));
  });

  it('runs a JSON Lines file through with a bad line in the middle', async () => {
    const good = (id: string): string => JSON.stringify({ record_id: id, service: 'sms', subscriber: '447700900123', other_party: '1', start: '2024-01-01T00:00:00Z' });
    const out = await run('jsonl', Buffer.from(`${good('1')}\n{"record_id":"2",\n${good('3')}\n`));
    expect(summary(out)).toEqual([
      [1, 'record'],
      [2, 'INVALID_JSON'],
      [3, 'record'],
    ]);
  });

  it('batches outcomes per chunk', async () => {
    const batches: number[] = [];
    const input = Readable.from([Buffer.from(`${ASTERISK}\n${ASTERISK}\n`), Buffer.from(`${ASTERISK}\n`)]);
    for await (const batch of parseCdrBatches(input, createParser('asterisk', { timezone: 'UTC', plausibility: WINDOW }))) batches.push(batch.length);
    expect(batches).toEqual([2, 1]);
  });
});
