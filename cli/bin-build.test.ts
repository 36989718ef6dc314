import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from './main.ts';

// The bin runs the JavaScript build when it is fresh and the TypeScript sources through tsx when the
// build is missing or stale. To tell which one ran, the checkout is laid out again in a temp dir
// (the bin copied, the source folders linked) with a node_modules that has every package but tsx:
// there the built run works and the fallback cannot start.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'switchboard-bin-build-'));
const tree = join(work, 'checkout');
const db = join(work, 'built.db');

function sb(...args: string[]) {
  return spawnSync(process.execPath, [join(tree, 'bin', 'switchboard.js'), ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
}

beforeAll(() => {
  mkdirSync(join(tree, 'bin'), { recursive: true });
  copyFileSync(join(ROOT, 'bin', 'switchboard.js'), join(tree, 'bin', 'switchboard.js'));
  for (const entry of readdirSync(ROOT)) {
    if (!['bin', 'dist', 'node_modules', '.git', 'data', '.tmp'].includes(entry)) symlinkSync(join(ROOT, entry), join(tree, entry));
  }
  mkdirSync(join(tree, 'node_modules'));
  for (const pkg of readdirSync(join(ROOT, 'node_modules'))) {
    if (pkg !== 'tsx') symlinkSync(join(ROOT, 'node_modules', pkg), join(tree, 'node_modules', pkg));
  }
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), join(tree, 'dist')], { encoding: 'utf8' });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
}, 360_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('bin/switchboard.js', { timeout: 360_000 }, () => {
  it('runs from the build without tsx: version, help, a command on a database, errors', () => {
    expect(sb('--version').stdout).toBe('0.1.0\n');
    expect(sb('--help').stdout).toBe(buildProgram().helpInformation());
    // Opening a new database applies db/migrations, found beside the sources.
    const events = sb('--db', db, 'usage', 'list', '--json');
    expect(events.stderr).toBe('');
    expect(JSON.parse(events.stdout)).toEqual([]);
    // A BillingError thrown in the command's module is still reported as one (not as INTERNAL).
    const missing = sb('--db', db, 'invoice', 'show', 'INV-999999', '--json');
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stdout).error.code).toBe('NOT_FOUND');
  });

  it('ingests through the re-run with a capped heap, from the build', () => {
    const file = join(work, 'cdrs.csv');
    writeFileSync(file, 'record_id,service,subscriber,other_party,start,duration\nr1,voice,447400100001,01614960123,2025-03-03T10:00:00Z,60\n');
    const r = sb('--db', db, 'ingest', file, '--format', 'csv', '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 1, accepted: 1 });
  });

  it('does not run a stale build: a changed source sends it to tsx (absent here, so it fails)', () => {
    const manifestFile = join(tree, 'dist', 'manifest.json');
    const fresh = readFileSync(manifestFile, 'utf8');
    const manifest = JSON.parse(fresh) as { inputs: Record<string, number> };
    manifest.inputs['cli/main.ts'] = 0;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    try {
      const r = sb('--version');
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain("Cannot find package 'tsx'");
    } finally {
      writeFileSync(manifestFile, fresh);
    }
    expect(sb('--version').stdout).toBe('0.1.0\n');
  });

  it('runs the sources through tsx when there is no build', () => {
    symlinkSync(join(ROOT, 'node_modules', 'tsx'), join(tree, 'node_modules', 'tsx'));
    rmSync(join(tree, 'dist'), { recursive: true });
    expect(sb('--version').stdout).toBe('0.1.0\n');
    const r = sb('--db', db, 'usage', 'list', '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });
});
