import { describe, expect, it } from 'vitest';
import { addDays } from '../time/index.ts';
import { ageReceivables } from './age-receivables.ts';
import type { AccountStanding, DunningLadder, ReceivableDocument } from './collections.types.ts';
import { DEFAULT_DUNNING_LADDER, planDunning } from './plan-dunning.ts';
import { codeOf } from './testing/code-of.ts';

const AS_OF = '2025-06-15';

/** An account with one open invoice of `total` that is `days` past due on AS_OF. */
function standing(days: number, total = '236.24', currency = 'GBP'): AccountStanding {
  const inv: ReceivableDocument = {
    id: 1,
    number: 'INV-000001',
    kind: 'invoice',
    status: 'overdue',
    currency,
    total,
    issueDate: '2025-01-01',
    dueDate: addDays(AS_OF, -days),
  };
  return ageReceivables([inv], AS_OF);
}

const ids = (steps: ReadonlyArray<{ stepId: string }>): string[] => steps.map((s) => s.stepId);

describe('planDunning with the default ladder', () => {
  it('plans nothing before the first threshold or when nothing is past due', () => {
    expect(planDunning(standing(6)).steps).toEqual([]);
    expect(planDunning(standing(0)).summary).toMatch(/nothing is past due/);
    expect(planDunning(ageReceivables([], AS_OF)).steps).toEqual([]);
  });

  it('sends the first reminder at 7 days, without approval', () => {
    const plan = planDunning(standing(7));
    expect(plan.steps).toEqual([expect.objectContaining({ stepId: 'reminder', action: 'reminder', changesMoney: false, changesState: false, requiresApproval: false, lateFee: null })]);
    expect(plan.steps[0]!.reason).toMatch(/7 days past due >= 7/);
  });

  it('skips steps already taken', () => {
    expect(ids(planDunning(standing(21), DEFAULT_DUNNING_LADDER, ['reminder']).steps)).toEqual(['late_fee']);
    const done = planDunning(standing(21), DEFAULT_DUNNING_LADDER, ['reminder', 'late_fee']);
    expect(done.steps).toEqual([]);
    expect(done.summary).toMatch(/already been taken/);
  });

  it('holds a late fee until the reminder has gone out', () => {
    const plan = planDunning(standing(40));
    expect(ids(plan.steps)).toEqual(['reminder']);
    expect(plan.held).toEqual([
      { stepId: 'late_fee', reason: expect.stringMatching(/held until the earlier steps are taken: reminder$/) },
      { stepId: 'restriction', reason: expect.stringMatching(/reminder, late_fee/) },
    ]);
  });

  it('charges the late fee to the cent, with approval', () => {
    const plan = planDunning(standing(21), DEFAULT_DUNNING_LADDER, ['reminder']);
    expect(plan.steps).toEqual([expect.objectContaining({ stepId: 'late_fee', action: 'late_fee', changesMoney: true, requiresApproval: true, lateFee: '5.00' })]);
    expect(plan.steps[0]!.reason).toMatch(/late fee 5\.00 GBP/);
  });

  it('restricts at 35 days and proposes barring at 60 only after every earlier step, as state changes needing approval', () => {
    expect(ids(planDunning(standing(35), DEFAULT_DUNNING_LADDER, ['reminder', 'late_fee']).steps)).toEqual(['restriction']);
    const earlier = ['reminder', 'late_fee', 'restriction'];
    expect(planDunning(standing(59), DEFAULT_DUNNING_LADDER, earlier).steps).toEqual([]);
    const plan = planDunning(standing(60), DEFAULT_DUNNING_LADDER, earlier);
    expect(plan.steps).toEqual([expect.objectContaining({ stepId: 'barring', action: 'barring', changesState: true, requiresApproval: true })]);
    const skipped = planDunning(standing(75), DEFAULT_DUNNING_LADDER, ['reminder', 'late_fee']);
    expect(ids(skipped.steps)).toEqual(['restriction']);
    expect(ids(skipped.held)).toEqual(['barring']);
  });

  it('reports taken ids the ladder does not know', () => {
    expect(planDunning(standing(8), DEFAULT_DUNNING_LADDER, ['reminder', 'sms_nudge']).unknownTaken).toEqual(['sms_nudge']);
  });
});

describe('planDunning with an overridden ladder', () => {
  const ladder: DunningLadder = {
    steps: [
      { id: 'notice', daysPastDue: 3, action: 'reminder', description: 'Notice', changesMoney: false, changesState: false },
      { id: 'fee', daysPastDue: 10, action: 'final_notice', description: 'Fee', changesMoney: true, changesState: false, lateFee: { fixed: '1.00', percentOfOverdue: '1.5' } },
    ],
  };

  it('computes a percentage fee half-up on the overdue balance', () => {
    // 1.00 + 1.5% x 236.24 = 1.00 + 3.5436 = 4.5436 -> 4.54
    expect(planDunning(standing(10), ladder, ['notice']).steps[0]!.lateFee).toBe('4.54');
    // JPY: 1.00 + 1.5% x 10001 = 151.015 -> 151
    expect(planDunning(standing(10, '10001', 'JPY'), ladder, ['notice']).steps[0]!.lateFee).toBe('151');
  });

  it('refuses ladders that hide a money or state change or are out of order', () => {
    const step = ladder.steps[1]!;
    expect(codeOf(() => planDunning(standing(10), { steps: [{ ...step, changesMoney: false }] }))).toBe('INVALID_INPUT');
    expect(codeOf(() => planDunning(standing(10), { steps: [{ ...step, action: 'suspension', lateFee: undefined, changesMoney: false, changesState: false }] }))).toBe('INVALID_INPUT');
    expect(codeOf(() => planDunning(standing(10), { steps: [ladder.steps[1]!, ladder.steps[0]!] }))).toBe('INVALID_INPUT');
    expect(codeOf(() => planDunning(standing(10), { steps: [ladder.steps[0]!, ladder.steps[0]!] }))).toBe('INVALID_INPUT');
    // Approval is derived from the step's effects; a ladder cannot switch it off.
    expect(codeOf(() => planDunning(standing(10), { steps: [{ ...step, requiresApproval: false } as never] }))).toBe('INVALID_INPUT');
    expect(codeOf(() => planDunning(standing(10), { steps: [] }))).toBe('INVALID_INPUT');
  });
});
