#!/usr/bin/env node
// Runs the CLI: the JavaScript build in dist/ (scripts/build.mjs, run by `npm ci`) when it is there
// and built from the sources as they are now, else the TypeScript sources through tsx's loader, so
// a checkout that was never built, or was edited since, still runs what it holds (only slower).
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { commandWord } from '../cli/command-word.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The built bundle for the command `word` (each command has its own, see scripts/build.mjs; no
 * command, or an unknown one, has the bundle with none), or null when dist/ is missing, half
 * written, or older than any source it was built from.
 */
function freshBuild(word) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
  // Any change to a source (an edit, a checkout) changes its mtime; a new file matters only once
  // an existing one imports it, which changes that one.
  for (const [file, mtimeMs] of Object.entries(manifest.inputs)) {
    if (statSync(join(ROOT, file), { throwIfNoEntry: false })?.mtimeMs !== mtimeMs) return null;
  }
  return pathToFileURL(join(ROOT, 'dist', (Object.hasOwn(manifest.commands, word) && manifest.commands[word]) || manifest.entry)).href;
}

// Ingestion streams: its live heap is ~30-40 MB whatever the file size, but V8 lets the old
// generation grow to several times that before collecting. Capping it keeps a 1M-row ingest under
// ~220 MB RSS instead of 270-315 MB (docs/benchmarks.md). The process re-runs itself with the cap
// unless a cap was already given (NODE_OPTIONS or a flag of the caller's). The child is the real
// run: signals sent to this process are passed on to it, it ends when this process ends (even by
// kill -9: its lifeline, cli/child-lifeline.mjs), and this process ends as it did.
const args = process.argv.slice(2);
const word = commandWord(args);
const capped = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('max-old-space-size'));
if (word === 'ingest' && !capped) {
  const { exitLike, forwardSignals, spawnWithLifeline } = await import('../cli/child-lifeline.mjs');
  const child = spawnWithLifeline(process.execPath, [...process.execArgv, '--max-old-space-size=128', fileURLToPath(import.meta.url), ...args]);
  const signals = forwardSignals([child]);
  child.on('error', (err) => {
    process.stderr.write(`error [INTERNAL]: could not start the ingest process: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    signals.dispose();
    exitLike(code, signal);
  });
} else {
  let entry = freshBuild(word);
  if (!entry) {
    const { register } = await import('tsx/esm/api');
    register();
    entry = pathToFileURL(join(ROOT, 'cli', 'start.ts')).href;
  }
  const { start } = await import(entry);
  await start(process.argv);
}
