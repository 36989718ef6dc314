import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BillingError } from '../tools/errors.ts';

const unwritable = (option: string, path: string, why: string, cause?: unknown) => new BillingError('UNWRITABLE_OUTPUT', `cannot write ${option} ${path}: ${why}`, { path }, { cause });

const isDirectory = (path: string): boolean | null => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return null;
  }
};

const writable = (path: string) => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Refuses an output file that cannot be written, before any work is done: it must not be a
 * folder, its folder must exist (no folders are made for a file) and be writable. Returns it resolved.
 */
export function checkOutputFile(option: string, path: string): string {
  const full = resolve(path);
  const dir = dirname(full);
  const self = isDirectory(full);
  if (self === true) throw unwritable(option, path, `it is a folder; name a file in it, e.g. ${join(path, `output${option === '--ubl' ? '.xml' : option === '--pdf' ? '.pdf' : ''}`)}`);
  const parent = isDirectory(dir);
  if (parent === null) throw unwritable(option, path, `folder ${dir} does not exist`);
  if (!parent) throw unwritable(option, path, `${dir} is not a folder`);
  if (self === false && !writable(full)) throw unwritable(option, path, 'the file is read-only');
  if (!writable(dir)) throw unwritable(option, path, `folder ${dir} is not writable`);
  return full;
}

/**
 * Refuses an output folder that is a file or cannot be written (a missing one is made later by the
 * command, so its nearest existing ancestor must be a writable folder). Makes nothing itself.
 */
export function checkOutputFolder(option: string, path: string): string {
  const full = resolve(path);
  let existing = full;
  while (isDirectory(existing) === null && dirname(existing) !== existing) existing = dirname(existing);
  if (isDirectory(existing) === false) throw unwritable(option, path, existing === full ? 'it is a file, not a folder' : `${existing} is a file, not a folder`);
  if (!writable(existing)) throw unwritable(option, path, `folder ${existing} is not writable`);
  return full;
}

/** File-system failures of a write that the user can act on (a path, a permission, a full disk). */
const WRITE_FAILURES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EISDIR', 'ENOENT', 'ENOTDIR', 'EEXIST']);

/**
 * Produces an output file whole or not at all: `produce` writes a temporary file beside it, which
 * is renamed over the target only once complete, so a failure never leaves a partial file.
 */
export async function writeOutputFile<T>(option: string, path: string, produce: (tempPath: string) => Promise<T> | T): Promise<T> {
  const full = checkOutputFile(option, path);
  const temp = join(dirname(full), `.${basename(full)}.${process.pid}.partial`);
  try {
    const result = await produce(temp);
    renameSync(temp, full);
    return result;
  } catch (err) {
    rmSync(temp, { force: true });
    if (err instanceof BillingError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code && WRITE_FAILURES.has(code)) throw unwritable(option, path, (err as Error).message, err);
    throw err;
  }
}

/** Writes bytes or text to an output file whole or not at all (see writeOutputFile). */
export function writeOutputData(option: string, path: string, data: string | Uint8Array): Promise<void> {
  return writeOutputFile(option, path, (temp) => writeFileSync(temp, data));
}
