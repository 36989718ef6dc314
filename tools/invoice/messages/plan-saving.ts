import { dec } from '../../money/index.ts';
import type { Recommendation } from '../invoice.types.ts';
import { MESSAGE_THRESHOLDS } from './message-thresholds.ts';
import type { InvoiceMessage, MessageLine } from './message.types.ts';
import { wholePercent } from './message-units.ts';

/**
 * The exact saving on another plan ("on Talk and Data 30 you would have paid 4.20 less"), one per
 * recommendation the what-if charging made: its figures are the recommendation's, nothing is
 * charged again. Shown when the saving reaches both the amount and the share of the line's cost.
 */
export function planSavingMessages(recommendations: readonly Recommendation[], lines: readonly MessageLine[], currency: string): InvoiceMessage[] {
  const out: InvoiceMessage[] = [];
  for (const rec of recommendations) {
    const line = lines.find((l) => l.subscriptionId === rec.subscriptionId);
    if (!line) continue;
    const saving = dec(rec.saving);
    const current = dec(rec.currentAmount);
    if (saving.lessThan(MESSAGE_THRESHOLDS.planSavingAmount) || !current.greaterThan(0)) continue;
    const share = wholePercent(saving, current);
    if (share.exact.lessThan(MESSAGE_THRESHOLDS.planSavingPercent)) continue;
    const source = `what-if charging of this period on plan ${rec.planId} (the invoice's recommendation)`;
    out.push({
      kind: 'plan_saving',
      line,
      planId: rec.planId,
      planName: rec.planName,
      figures: {
        current: { value: rec.currentAmount, unit: currency, source: `this period's charges of the line on plan ${rec.currentPlanId}, before tax` },
        alternative: { value: rec.alternativeAmount, unit: currency, source },
        saving: { value: rec.saving, unit: currency, source: 'current - alternative' },
        savingPercent: { value: share.rounded, unit: '%', source: 'saving / current x 100' },
      },
    });
  }
  return out;
}
