import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setOperatorSetting } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { ingestDropFolder, parseDropFolder } from './drop-folder.ts';
import type { WorkerDeps } from './job-handlers.ts';

const LINE =
  '"","1001","01614960123","from-internal","""Alice"" <1001>","PJSIP/1001-00000001","PJSIP/trunk-00000002","Dial","PJSIP/01614960123@trunk,60","2025-03-03 10:00:00","2025-03-03 10:00:05","2025-03-03 10:01:35",95,90,"ANSWERED","DOCUMENTATION","1741000000.1",""';

let store: ReturnType<typeof createTempStore>;
let dir: string;
beforeEach(() => {
  store = createTempStore();
  setOperatorSetting(store, 'homeCountry', 'GB');
  setOperatorSetting(store, 'maxRecordAgeDays', 100_000);
  dir = join(store.dir, 'drop', 'pbx1');
  mkdirSync(dir, { recursive: true });
});
afterEach(() => store.cleanup());

const deps = () => ({ store, dropFolders: [{ switch: 'pbx1', format: 'asterisk', dir }] }) as unknown as WorkerDeps;
const usage = () => (store.sqlite.prepare('select count(*) n from usage_events').get() as { n: number }).n;
/** A file the switch finished writing a while ago. */
function drop(name: string, content: string | Buffer): void {
  writeFileSync(join(dir, name), content);
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(dir, name), past, past);
}

describe('drop folder of a switch', () => {
  it('ingests each file once, moves it to processed/, and a refused one to failed/ with the reason', async () => {
    drop('a.csv', `${LINE}\n`);
    drop('bad.csv', Buffer.from([0x22, 0xff, 0xfe, 0x22, 0x0a]));
    writeFileSync(join(dir, 'still-writing.csv'), `${LINE}\n`);
    const first = await ingestDropFolder(deps(), { switch: 'pbx1' });
    expect(first).toEqual({ switch: 'pbx1', processed: ['a.csv'], failed: ['bad.csv'] });
    expect(usage()).toBe(1);
    expect(readdirSync(join(dir, 'processed'))).toEqual(['a.csv']);
    expect(readFileSync(join(dir, 'failed', 'bad.csv.reason.txt'), 'utf8')).toMatch(/^INVALID_INPUT: .*UTF-8/i);
    // A file still being written waits for the next pass.
    expect(existsSync(join(dir, 'still-writing.csv'))).toBe(true);

    // The same file dropped again (a switch resending it) adds nothing and is moved beside the first.
    drop('a.csv', `${LINE}\n`);
    const again = await ingestDropFolder(deps(), { switch: 'pbx1' });
    expect(again.processed).toEqual(['a.csv']);
    expect(usage()).toBe(1);
    expect(readdirSync(join(dir, 'processed')).sort()).toEqual(['a.csv', 'a.csv.1']);
  });

  it('reads --drop as switch=format:dir', () => {
    expect(parseDropFolder('pbx1=asterisk:/var/spool/cdr')).toEqual({ switch: 'pbx1', format: 'asterisk', dir: '/var/spool/cdr' });
    expect(() => parseDropFolder('/var/spool/cdr')).toThrow(/--drop must be/);
  });
});
