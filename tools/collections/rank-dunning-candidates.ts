import type { DunningPlan } from './collections.types.ts';

/** One account's dunning plan on a date, as collections computed it. */
export interface DunningCandidateInput {
  accountId: string;
  dunning: DunningPlan;
}

/** An account whose next dunning step is due, with that step. */
export interface DunningCandidate {
  accountId: string;
  daysPastDue: number;
  overdueBalance: string;
  currency: string | null;
  nextStep: { stepId: string; action: string; description: string; lateFee: string | null };
  /** Steps due after it (taken one at a time, each a proposal). */
  laterSteps: number;
}

/**
 * The accounts that should go to their next dunning step: those with a step due, the longest past
 * due first (then by account id, so the order is stable). Accounts with nothing due are left out.
 */
export function rankDunningCandidates(plans: readonly DunningCandidateInput[]): DunningCandidate[] {
  return plans
    .filter((p) => p.dunning.steps.length > 0)
    .map((p) => {
      const [step, ...later] = p.dunning.steps;
      return {
        accountId: p.accountId,
        daysPastDue: p.dunning.daysPastDue,
        overdueBalance: p.dunning.overdueBalance,
        currency: p.dunning.currency,
        nextStep: { stepId: step!.stepId, action: step!.action, description: step!.description, lateFee: step!.lateFee },
        laterSteps: later.length,
      };
    })
    .sort((a, b) => b.daysPastDue - a.daysPastDue || a.accountId.localeCompare(b.accountId));
}
