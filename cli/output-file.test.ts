import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutputFile, checkOutputFolder, writeOutputFile } from './output-file.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-out-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (err) {
    return `${(err as { code?: string }).code}: ${(err as Error).message}`;
  }
};

describe('output files', () => {
  it('refuses a folder, a missing folder and a file under a file, naming the path and why', () => {
    writeFileSync(join(dir, 'f'), 'x');
    expect(codeOf(() => checkOutputFile('--pdf', dir))).toMatch(/^UNWRITABLE_OUTPUT: cannot write --pdf .*: it is a folder; name a file in it/);
    expect(codeOf(() => checkOutputFile('--pdf', join(dir, 'nope', 'x.pdf')))).toMatch(/folder .*nope does not exist$/);
    expect(codeOf(() => checkOutputFile('--ubl', join(dir, 'f', 'x.xml')))).toMatch(/f is not a folder$/);
    expect(codeOf(() => checkOutputFolder('--dir', join(dir, 'f')))).toMatch(/it is a file, not a folder$/);
    expect(codeOf(() => checkOutputFolder('--dir', join(dir, 'f', 'sub')))).toMatch(/f is a file, not a folder$/);
    expect(codeOf(() => checkOutputFolder('--dir', join(dir, 'new', 'sub')))).toBeNull();
    expect(readdirSync(dir)).toEqual(['f']);
  });

  it('leaves no partial file when producing it fails midway, and keeps an older file as it was', async () => {
    const target = join(dir, 'out.csv');
    writeFileSync(target, 'old');
    await expect(
      writeOutputFile('--out', target, (temp) => {
        writeFileSync(temp, 'half of it');
        throw new Error('generator broke');
      }),
    ).rejects.toThrow('generator broke');
    expect([readdirSync(dir), readFileSync(target, 'utf8')]).toEqual([['out.csv'], 'old']);
    await writeOutputFile('--out', target, (temp) => writeFileSync(temp, 'new'));
    expect([readdirSync(dir), readFileSync(target, 'utf8')]).toEqual([['out.csv'], 'new']);
  });
});
