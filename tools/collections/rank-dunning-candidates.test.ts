import { describe, expect, it } from 'vitest';
import type { DunningPlan } from './collections.types.ts';
import { rankDunningCandidates } from './rank-dunning-candidates.ts';

const step = (stepId: string, lateFee: string | null = null) => ({
  stepId,
  action: 'reminder' as const,
  description: `step ${stepId}`,
  dueAtDaysPastDue: 7,
  changesMoney: false,
  changesState: false,
  requiresApproval: true,
  lateFee,
  reason: 'due',
});
const plan = (daysPastDue: number, steps: ReturnType<typeof step>[]): DunningPlan => ({
  asOf: '2025-05-20',
  currency: 'GBP',
  daysPastDue,
  overdueBalance: '10.00',
  steps,
  held: [],
  unknownTaken: [],
  summary: '',
});

describe('rankDunningCandidates', () => {
  it('keeps accounts with a step due, longest past due first, then by account id, with the next step', () => {
    const ranked = rankDunningCandidates([
      { accountId: 'B', dunning: plan(10, [step('r1')]) },
      { accountId: 'C', dunning: plan(40, [step('r1'), step('r2', '5.00')]) },
      { accountId: 'A', dunning: plan(10, [step('r1')]) },
      { accountId: 'D', dunning: plan(3, []) },
    ]);
    expect(ranked.map((c) => [c.accountId, c.daysPastDue, c.nextStep.stepId, c.laterSteps])).toEqual([
      ['C', 40, 'r1', 1],
      ['A', 10, 'r1', 0],
      ['B', 10, 'r1', 0],
    ]);
  });
});
