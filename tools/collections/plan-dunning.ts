import { dec, minorUnits, roundToCurrency } from '../money/index.ts';
import {
  accountStandingSchema,
  dunningLadderSchema,
  parseCollectionsInput,
  type AccountStanding,
  type DunningLadder,
  type DunningPlan,
  type DunningStep,
  type PlannedDunningStep,
} from './collections.types.ts';

/**
 * The default ladder, as data: a reminder (talks to the customer only: the cycle sends it), a late
 * fee (a debit note; the catalog's `lateFee` sets its amount, this 5.00 is the fallback), outgoing
 * calls restricted, then a proposal to bar the lines. Money and state changes need a person's
 * approval. Operators override it with their own ladder (validated by dunningLadderSchema); the
 * strategy (collections-strategy.ts) moves the talking steps earlier or later by payment risk.
 */
export const DEFAULT_DUNNING_LADDER: DunningLadder = dunningLadderSchema.parse({
  steps: [
    { id: 'reminder', daysPastDue: 7, action: 'reminder', description: 'Payment reminder', changesMoney: false, changesState: false },
    {
      id: 'late_fee',
      daysPastDue: 21,
      action: 'late_fee',
      description: 'Late payment fee (a debit note)',
      changesMoney: true,
      changesState: false,
      lateFee: { fixed: '5.00', percentOfOverdue: '0' },
    },
    { id: 'restriction', daysPastDue: 35, action: 'restriction', description: 'Outgoing calls restricted until the balance is paid', changesMoney: false, changesState: true },
    { id: 'barring', daysPastDue: 60, action: 'barring', description: 'Lines barred until the balance is paid', changesMoney: false, changesState: true },
  ],
});

function lateFeeOf(step: DunningStep, overdue: string, currency: string | null): string | null {
  if (!step.lateFee || currency === null) return null;
  const fee = dec(step.lateFee.fixed).plus(dec(overdue).times(dec(step.lateFee.percentOfOverdue)).div(100));
  return roundToCurrency(fee, currency).toFixed(minorUnits(currency));
}

function describeFee(step: DunningStep, fee: string | null, currency: string | null): string {
  return fee === null ? '' : `; late fee ${fee} ${currency ?? ''} (${step.lateFee!.fixed} + ${step.lateFee!.percentOfOverdue}% of the overdue balance)`.trimEnd();
}

/**
 * The dunning steps due for an account and not yet taken, in ladder order, each with its reason;
 * money and state changes are held until every earlier step has been taken.
 */
export function planDunning(standing: AccountStanding, ladder: DunningLadder = DEFAULT_DUNNING_LADDER, alreadyTaken: readonly string[] = []): DunningPlan {
  const s = parseCollectionsInput(accountStandingSchema, standing, 'account standing');
  const l = parseCollectionsInput(dunningLadderSchema, ladder, 'dunning ladder');
  const taken = new Set(alreadyTaken);
  const known = new Set(l.steps.map((step) => step.id));
  const base = { asOf: s.asOf, currency: s.currency, daysPastDue: s.daysPastDue, overdueBalance: s.overdueBalance, unknownTaken: [...taken].filter((t) => !known.has(t)).sort() };

  // A balance that is open but not yet due (or fully credited) is not dunned, however old the account.
  if (!dec(s.overdueBalance).greaterThan(0) || s.daysPastDue === 0) {
    return { ...base, steps: [], held: [], summary: 'nothing is past due: no dunning step applies' };
  }

  const steps: PlannedDunningStep[] = [];
  const held: DunningPlan['held'] = [];
  for (const [i, step] of l.steps.entries()) {
    if (step.daysPastDue > s.daysPastDue || taken.has(step.id)) continue;
    const requiresApproval = step.changesMoney || step.changesState;
    const missing = l.steps
      .slice(0, i)
      .filter((earlier) => !taken.has(earlier.id))
      .map((earlier) => earlier.id);
    // A fee or a suspension must follow the notices the customer was promised, not arrive with them.
    if (requiresApproval && missing.length > 0) {
      held.push({ stepId: step.id, reason: `due (${s.daysPastDue} days past due >= ${step.daysPastDue}) but held until the earlier steps are taken: ${missing.join(', ')}` });
      continue;
    }
    const fee = lateFeeOf(step, s.overdueBalance, s.currency);
    steps.push({
      stepId: step.id,
      action: step.action,
      description: step.description,
      dueAtDaysPastDue: step.daysPastDue,
      changesMoney: step.changesMoney,
      changesState: step.changesState,
      requiresApproval,
      lateFee: fee,
      reason:
        `oldest open receivable (due ${s.oldestDueDate}) is ${s.daysPastDue} days past due >= ${step.daysPastDue}; ` +
        `overdue balance ${s.overdueBalance} ${s.currency}${describeFee(step, fee, s.currency)}${requiresApproval ? '; needs approval' : ''}`,
    });
  }
  const summary =
    steps.length === 0 && held.length === 0
      ? `${s.daysPastDue} days past due: every due step has already been taken`
      : `${s.daysPastDue} days past due: ${steps.length} step(s) to take${held.length ? `, ${held.length} held` : ''}`;
  return { ...base, steps, held, summary };
}
