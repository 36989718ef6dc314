import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ingestFile } from '../../app/ingest/index.ts';
import { BillingError, toBillingError } from '../../tools/errors.ts';
import type { WorkerDeps } from './job-handlers.ts';

/** A switch's drop folder: CDR files of one format land in `dir`; each is ingested once, then moved. */
export interface DropFolder {
  switch: string;
  format: string;
  dir: string;
}

/** A file changed this recently may still be being written by the switch: it waits for the next pass. */
const SETTLE_MS = 2000;

/** Parses `--drop <switch>=<format>:<dir>`. */
export function parseDropFolder(text: string): DropFolder {
  const m = /^([^=]+)=([^:]+):(.+)$/.exec(text);
  if (!m) throw new BillingError('INVALID_INPUT', `--drop must be <switch>=<format>:<dir>, got "${text}"`);
  return { switch: m[1]!, format: m[2]!, dir: m[3]! };
}

/** Moves a file into `sub` of its folder under a name not taken yet (the same name may arrive again). */
function moveInto(dir: string, sub: string, file: string): string {
  mkdirSync(join(dir, sub), { recursive: true });
  let target = join(dir, sub, file);
  for (let n = 1; statSync(target, { throwIfNoEntry: false }); n++) target = join(dir, sub, `${file}.${n}`);
  renameSync(join(dir, file), target);
  return target;
}

/**
 * Ingests every settled file of a switch's drop folder (ingest is idempotent by content, so a file
 * taken again after a crash adds nothing), then moves it to processed/, or to failed/ beside a
 * `.reason.txt` saying why.
 */
export async function ingestDropFolder(deps: WorkerDeps, data: { switch: string }): Promise<{ switch: string; processed: string[]; failed: string[] }> {
  const folder = deps.dropFolders.find((f) => f.switch === data.switch);
  const out = { switch: data.switch, processed: [] as string[], failed: [] as string[] };
  if (!folder) return out;
  mkdirSync(folder.dir, { recursive: true });
  const now = Date.now();
  for (const entry of readdirSync(folder.dir, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const path = join(folder.dir, entry.name);
    if (now - statSync(path).mtimeMs < SETTLE_MS) continue;
    try {
      await ingestFile(deps.store, path, { format: folder.format, source: folder.switch });
      moveInto(folder.dir, 'processed', entry.name);
      out.processed.push(entry.name);
    } catch (err) {
      const e = toBillingError(err);
      const target = moveInto(folder.dir, 'failed', entry.name);
      writeFileSync(`${target}.reason.txt`, `${e.code}: ${e.message}\n`);
      out.failed.push(basename(target));
    }
  }
  return out;
}
