#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx switchboard` works without a build step.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { exitLike, forwardSignals, spawnWithLifeline } from '../cli/child-lifeline.mjs';

/** The subcommand: the first word after the global options (`--db PATH` takes a value). */
function subcommand(args) {
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--db') i += 1;
    else if (!args[i].startsWith('-')) return args[i];
  }
  return undefined;
}

// Ingestion streams: its live heap is ~30-40 MB whatever the file size, but V8 lets the old
// generation grow to several times that before collecting. Capping it keeps a 1M-row ingest under
// ~220 MB RSS instead of 270-315 MB (docs/benchmarks.md). The process re-runs itself with the cap
// unless a cap was already given (NODE_OPTIONS or a flag of the caller's). The child is the real
// run: signals sent to this process are passed on to it, it ends when this process ends (even by
// kill -9: its lifeline, cli/child-lifeline.mjs), and this process ends as it did.
const args = process.argv.slice(2);
const capped = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('max-old-space-size'));
if (subcommand(args) === 'ingest' && !capped) {
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
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import(join(dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'main.ts'));
  await main(process.argv);
}
