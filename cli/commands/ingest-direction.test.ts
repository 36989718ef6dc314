import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getUsageEvent, listQuarantine, listUsageEvents, parseSettingValue, setOperatorSetting } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { runCli } from '../testing/run-cli.ts';
import { setUpBillingOperator } from './testing/billing-setup.ts';
import { billPeriod } from '../../app/billing/index.ts';
import { ingestFile } from '../../app/ingest/index.ts';
import { replayQuarantine } from '../../app/quarantine/index.ts';
import { ratePending } from '../../app/rating/index.ts';

type TempStore = ReturnType<typeof createTempStore>;

/** A Master.csv line (18 columns) of 13 March 2025, UTC, as cdr_csv writes it. */
const ast = (id: string, src: string, dst: string, dcontext: string, billsec = 60) =>
  [
    '""',
    `"${src}"`,
    `"${dst}"`,
    `"${dcontext}"`,
    `"""Caller"" <${src}>"`,
    '"PJSIP/trunk-0000a1b2"',
    '"PJSIP/x-0000a1b3"',
    '"Dial"',
    `"PJSIP/${dst},30"`,
    '"2025-03-13 10:00:00"',
    '"2025-03-13 10:00:05"',
    `"2025-03-13 10:${String(Math.floor((5 + billsec) / 60)).padStart(2, '0')}:${String((5 + billsec) % 60).padStart(2, '0')}"`,
    String(5 + billsec),
    String(billsec),
    '"ANSWERED"',
    '"DOCUMENTATION"',
    `"1741860000.${id}"`,
    '""',
  ].join(',');
/** A mod_cdr_csv default-template line of the same morning. */
const fs = (id: string, caller: string, destination: string, context: string) =>
  [
    'Caller',
    caller,
    destination,
    context,
    '2025-03-13 10:00:00',
    '2025-03-13 10:00:05',
    '2025-03-13 10:01:05',
    '65',
    '60',
    'NORMAL_CLEARING',
    `5a94f22d-8ab1-4e64-9a8c-5f37b9ed9b${id.padStart(2, '0')}`,
    '',
    '',
  ]
    .map((s) => `"${s}"`)
    .join(',');

// The test operator's lines are 07700 900123 (A1) and 07700 900456 (A2); it serves 07700 9xxxxx and extensions 1000-1999.
const A1 = '447700900123';
const A2 = '447700900456';
const WANGIRI = '22245000100';

/** One week of a switch: what the mixed file holds, line by line, and what each record must become. */
const ASTERISK = [
  [ast('1', A1, '07812345678', 'from-subscribers'), 'outbound', A1, '07812345678'],
  [ast('2', WANGIRI, A1, 'from-pstn', 1), 'inbound', A1, WANGIRI],
  [ast('3', '+441614960123', `+${A2}`, 'from-trunk'), 'inbound', `+${A2}`, '+441614960123'],
  [ast('4', A1, A2, 'from-subscribers'), 'onnet', A1, A2],
  [ast('5', '1001', '1002', 'from-internal'), 'onnet', '1001', '1002'],
  [ast('6', '1001', '901614960123', 'from-internal'), 'outbound', '1001', '901614960123'],
  [ast('7', WANGIRI, '4915112345678', 'from-pstn'), 'transit', WANGIRI, '4915112345678'],
  [ast('8', '33142685300', A2, 'macro-dial'), 'inbound', A2, '33142685300'],
  [ast('9', A2, '01614960123', 'macro-dial'), 'outbound', A2, '01614960123'],
] as const;

const FREESWITCH = [
  [fs('1', A1, '07812345678', 'default'), 'outbound', A1, '07812345678'],
  [fs('2', WANGIRI, A1, 'public'), 'inbound', A1, WANGIRI],
  [fs('3', A1, A2, 'default'), 'onnet', A1, A2],
  [fs('4', WANGIRI, '4915112345678', 'public'), 'transit', WANGIRI, '4915112345678'],
  [fs('5', '441614960123', A2, 'ivr-menu'), 'inbound', A2, '441614960123'],
] as const;

let store: TempStore;
beforeEach(() => {
  store = createTempStore();
  setUpBillingOperator(store);
  setOperatorSetting(store, 'onNetPrefixes', parseSettingValue('onNetPrefixes', '4477009'));
  setOperatorSetting(store, 'internalExtensions', parseSettingValue('internalExtensions', '1000-1999'));
});
afterEach(() => store.cleanup());

async function ingest(format: 'asterisk' | 'freeswitch' | 'csv', lines: readonly string[]) {
  const path = join(store.dir, `${format}-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return ingestFile(store, path, { format, now: Date.UTC(2025, 3, 1) });
}

const byLine = () => listUsageEvents(store, { limit: 100 }).sort((a, b) => a.lineNo - b.lineNo);

describe("a mixed switch file ingests with every record's direction and subscriber right (real SQLite)", () => {
  it('Asterisk Master.csv: contexts and number ranges', async () => {
    const counts = await ingest(
      'asterisk',
      ASTERISK.map((c) => c[0]),
    );
    expect([counts.read, counts.accepted, counts.quarantined]).toEqual([ASTERISK.length, ASTERISK.length, 0]);
    expect(byLine().map((e) => [e.direction, e.subscriber, e.otherParty])).toEqual(ASTERISK.map(([, d, s, o]) => [d, s, o]));
    const wangiri = byLine()[1]!;
    expect(getUsageEvent(store, wangiri.id)!.directionRule).toBe('dcontext from-pstn is an inbound context: inbound, the called line is the subscriber');
  });

  it('FreeSWITCH mod_cdr_csv: contexts and number ranges', async () => {
    const counts = await ingest(
      'freeswitch',
      FREESWITCH.map((c) => c[0]),
    );
    expect([counts.read, counts.accepted, counts.quarantined]).toEqual([FREESWITCH.length, FREESWITCH.length, 0]);
    expect(byLine().map((e) => [e.direction, e.subscriber, e.otherParty])).toEqual(FREESWITCH.map(([, d, s, o]) => [d, s, o]));
  });

  it('bills A1 for the calls it made, never for the call it received or the transit, and nobody for the Wangiri caller', async () => {
    await ingest(
      'asterisk',
      ASTERISK.map((c) => c[0]),
    );
    ratePending(store, {});
    const inbound = listUsageEvents(store, { direction: 'inbound' });
    expect(inbound.map((e) => [e.subscriber, e.cost])).toEqual([
      [A2, '0'],
      [`+${A2}`, '0'],
      [A1, '0'],
    ]);
    expect(listUsageEvents(store, { direction: 'transit' }).map((e) => [e.subscriber, e.cost])).toEqual([[WANGIRI, '0']]);
    const all = billPeriod(store, { period: '2025-03', timezone: 'UTC', accountIds: ['A1'] }).created[0]!;

    const only = createTempStore();
    try {
      const saved = store;
      store = only;
      setUpBillingOperator(store);
      setOperatorSetting(store, 'onNetPrefixes', ['4477009']);
      await ingest('asterisk', [ASTERISK[0][0], ASTERISK[3][0]]);
      ratePending(store, {});
      const made = billPeriod(store, { period: '2025-03', timezone: 'UTC', accountIds: ['A1'] }).created[0]!;
      store = saved;
      expect(all.total).toBe(made.total);
    } finally {
      only.cleanup();
    }
  });

  it('usage list --direction filters, usage show says which rule decided', async () => {
    await ingest(
      'asterisk',
      ASTERISK.map((c) => c[0]),
    );
    const list = await runCli(['--db', store.path, 'usage', 'list', '--direction', 'transit', '--json']);
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout) as Array<{ id: number; direction: string; subscriber: string }>;
    expect(rows.map((r) => [r.direction, r.subscriber])).toEqual([['transit', WANGIRI]]);
    const show = await runCli(['--db', store.path, 'usage', 'show', String(rows[0]!.id)]);
    expect(show.stdout).toContain('Direction transit: dcontext from-pstn is an inbound context, but the called number is not ours: transit');
    expect((await runCli(['--db', store.path, 'usage', 'list', '--direction', 'sideways'])).code).toBe(2);
  });
});

describe('generic records keep their direction (real SQLite)', () => {
  const header = 'record_id,service,direction,subscriber,imsi,serving_network,visited_country,other_party,start,duration,disposition';
  it('quarantines an inbound record written the switch way round (NOT_OUR_NUMBER), and accepts it once the parties are put right', async () => {
    const swapped = `g1,voice,inbound,${WANGIRI},,,,${A1},2025-03-13T10:00:00Z,1,answered`;
    const counts = await ingest('csv', [header, swapped, `g2,voice,inbound,${A1},,,,+${WANGIRI},2025-03-13T11:00:00Z,60,answered`]);
    expect([counts.read, counts.accepted, counts.quarantined]).toEqual([2, 1, 1]);
    const [q] = listQuarantine(store, {});
    expect([q!.reason, q!.raw]).toEqual(['NOT_OUR_NUMBER', swapped]);
    const fixed = replayQuarantine(store, { id: q!.id, raw: `g1,voice,inbound,${A1},,,,${WANGIRI},2025-03-13T10:00:00Z,1,answered` });
    expect(fixed.results).toEqual([expect.objectContaining({ outcome: 'accepted' })]);
    expect(listUsageEvents(store, {}).map((e) => [e.direction, e.subscriber, e.otherParty])).toEqual([
      ['inbound', A1, WANGIRI],
      ['inbound', A1, `+${WANGIRI}`],
    ]);
  });
});
