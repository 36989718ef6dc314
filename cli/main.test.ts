import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-'));
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the installed bin exactly as a user would, on this test's own database. */
function sb(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/switchboard.js'), '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  let json: any;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = undefined;
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json };
}

const TARIFF = join(ROOT, 'evals/datasets/demo-operator/tariff.yaml');

// Every step spawns the CLI (~2 s of start-up each, several times that on a loaded machine): a generous budget.
describe('switchboard CLI', { timeout: 900_000 }, () => {
  it('imports a tariff once; importing identical content again creates no version', () => {
    const first = sb('tariffs', 'import', TARIFF, '--json');
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ name: 'demo-uk-retail', version: 1, created: true });
    expect(sb('tariffs', 'import', TARIFF, '--json').json).toMatchObject({ version: 1, created: false });
  });

  it('prices a call with its breakdown (hand-computed)', () => {
    // Monday 10:00 London, national peak: 0.02 connect + 0.08 first minute + 30s at 0.08/min per second
    // (0.04 / 30 = 0.001333 -> 0.00133 x 30 = 0.0399) = 0.1399
    const r = sb(
      'cost',
      '--tenant',
      'switchboard.local',
      '--category',
      'call',
      '--subject',
      '447400100001',
      '--destination',
      '441614960123',
      '--answer-time',
      '2025-03-03T10:00:00Z',
      '--usage',
      '90s',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.json.cost).toBe('0.1399');
    expect(r.json.destinationId).toBe('DST_UK_NATIONAL');
    expect(r.json.spans.map((s: { timingId: string }) => s.timingId)).toEqual(['TM_PEAK', 'TM_PEAK']);
  });

  it('reports user errors as JSON with a code and exit status 2', () => {
    const unauthorized = sb('cost', '--tenant', 'switchboard.local', '--category', 'sms', '--subject', 'x', '--answer-time', '2020-01-01T00:00:00Z', '--usage', '1', '--json');
    expect(unauthorized.code).toBe(2);
    expect(unauthorized.json.error.code).toBe('RATING_PLAN_NOT_FOUND');
    const missing = sb('cost', '--tenant', 't', '--json');
    expect(missing.code).toBe(2);
    expect(missing.json.error.code).toBe('INVALID_INPUT');
    const noFile = sb('ingest', join(dir, 'nope.csv'), '--format', 'asterisk', '--json');
    expect([noFile.code, noFile.json.error.code]).toEqual([2, 'FILE_NOT_FOUND']);
    const badFormat = sb('ingest', TARIFF, '--format', 'cisco', '--json');
    expect([badFormat.code, badFormat.json.error.code]).toEqual([2, 'UNSUPPORTED_FORMAT']);
    const badZone = sb('config', 'set', 'timezone', 'Mars/Olympus', '--json');
    expect([badZone.code, badZone.json.error.code]).toEqual([2, 'INVALID_INPUT']);
    const voiceWithoutUnit = sb('cost', '--tenant', 't', '--category', 'call', '--subject', 's', '--answer-time', '2025-01-01T00:00:00Z', '--usage', '60', '--json');
    expect(voiceWithoutUnit.json.error.message).toMatch(/needs a unit/);
  });

  it('generates, ingests, lists, rates once and never rates twice', () => {
    const file = join(dir, 'cdrs.jsonl');
    expect(sb('generate', '--format', 'jsonl', '--rows', '400', '--seed', '5', '--out', file, '--json').code).toBe(0);
    for (const [k, v] of [
      ['homeCountry', 'GB'],
      ['timezone', 'Europe/London'],
      ['homeNetworks', '23415'],
      ['onNetPrefixes', '4474001,4475002,4478004,4479005,44203555'],
      ['localAreaPrefixes', '20'],
      ['trunkPrefixes', '9'],
    ])
      expect(sb('config', 'set', k!, v!, '--json').code).toBe(0);
    const ingest = sb('ingest', file, '--format', 'jsonl', '--json');
    expect(ingest.code).toBe(0);
    expect(ingest.json.read).toBe(ingest.json.accepted + ingest.json.duplicates + ingest.json.quarantined);
    const listed = sb('usage', 'list', '--limit', '3', '--json').json;
    expect(listed).toHaveLength(3);
    for (const e of listed) expect(Object.keys(e)).toEqual(expect.arrayContaining(['sourceId', 'service', 'category', 'roaming', 'status', 'cost']));
    const rate = sb('rate', '--json');
    expect(rate.code).toBe(0);
    expect(rate.json.rated + rate.json.ratingFailed).toBe(rate.json.considered);
    expect(rate.json.rated).toBeGreaterThan(0);
    expect(sb('rate', '--json').json.considered).toBe(0);
    const rated = sb('usage', 'list', '--status', 'rated', '--limit', '50', '--json').json;
    for (const e of rated) expect(e.cost).toMatch(/^\d+(\.\d+)?$/);
    // One event explained down to the tariff row: the stored breakdown expanded against its tariff version.
    const priced = rated.find((e: { cost: string; service: string }) => e.service === 'voice' && e.cost !== '0');
    const shown = sb('usage', 'show', String(priced.id), '--json').json;
    expect(shown.ratingBreakdown.cost).toBe(priced.cost);
    expect(shown.ratingBreakdown.spans[0]).toMatchObject({ rateId: expect.any(String), rate: expect.stringMatching(/^\d/), rateIncrement: expect.any(Number) });
  });
});
