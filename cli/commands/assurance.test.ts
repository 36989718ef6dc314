import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { billAssuranceMonth } from '../../app/assurance/testing/assurance-month.ts';
import { runCli } from '../testing/run-cli.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

const sb = (...args: string[]) => runCli(['--db', store.path, ...args], { env: { ...process.env, CI: '1' } });

describe('switchboard assurance report', () => {
  it('prints the stages, the gaps by cause with their items, and that the gaps add up', async () => {
    await billAssuranceMonth(store);
    const text = await sb('assurance', 'report', '--period', '2025-03');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('gaps add up: yes');
    expect(text.stdout).toMatch(/LEAK no_subscription \(rated → charged\): 2 items, 2 out of the flow, 0\.21 GBP/);
    expect(text.stdout).toContain('batch 3 line 4: quarantine 1: INVALID_DATE (~0.10 GBP)');
    expect(text.stdout).toContain('… and 14 more'); // 19 duplicates, 5 shown

    const json = await sb('assurance', 'report', '--period', '2025-03', '--json', '--items', '2');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.gapsAddUp).toBe(true);
    expect(r.gaps.find((g: { cause: string }) => g.cause === 'duplicate')).toMatchObject({ itemCount: 19, items: [{ ref: 'batch 2 line 2' }, { ref: 'batch 2 line 3' }] });
  });

  it('refuses a period that is not a billing month', async () => {
    const r = await sb('assurance', 'report', '--period', '2025-13');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--period');
  });
});
