import { describe, expect, it } from 'vitest';
import { eventLoopPacer } from './event-loop-turns.ts';

/** Runs `calls` paced steps and counts how many turns of the event loop other work got meanwhile. */
async function turnsDuring(pace: () => Promise<void>, calls: number): Promise<number> {
  let turns = 0;
  let on = true;
  const tick = () => {
    if (!on) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  for (let i = 0; i < calls; i++) await pace();
  on = false;
  return turns;
}

describe('eventLoopPacer', () => {
  it('lets the event loop turn once its budget is spent', async () => {
    expect(await turnsDuring(eventLoopPacer(0), 20)).toBeGreaterThanOrEqual(19);
  });

  it('does not turn within its budget (no cost to work that is short)', async () => {
    expect(await turnsDuring(eventLoopPacer(3_600_000), 20)).toBe(0);
  });
});
