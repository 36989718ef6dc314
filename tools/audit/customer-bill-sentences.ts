import { formatAmount } from '../invoice/render/format-invoice-values.ts';
import { dec, ZERO } from '../money/index.ts';
import { addDays } from '../time/index.ts';
import type { InvoiceExplanation } from './audit.types.ts';

const SECTION: Record<string, string> = {
  plans: 'monthly plan fees',
  usage: 'calls, texts and data beyond your allowances',
  one_time: 'one-off charges',
  promotions: 'promotions',
  discounts: 'discounts',
  adjustments: 'adjustments',
};

/**
 * The auditor's deterministic explanation of a bill, said in plain sentences for its customer:
 * what period it covers, what each part of it adds up to, how the tax is worked out, what the
 * usage was and where the bill stands. Every figure is the explanation's own (sums exact, formatted once).
 */
export function customerBillSentences(x: InvoiceExplanation): string[] {
  const h = x.header;
  const money = (v: string) => formatAmount(v, h.currency, 'en');
  const out = [
    `This ${h.kind === 'invoice' ? 'bill' : 'note'} covers ${h.period.from} to ${addDays(h.period.to, -1)}: ${money(h.subtotal)} before tax, plus ${money(h.taxTotal)} tax, makes ${money(h.total)}.`,
  ];
  const bySection = new Map<string, ReturnType<typeof dec>>();
  for (const l of x.lines) bySection.set(l.section, (bySection.get(l.section) ?? ZERO).add(dec(l.amount)));
  const parts = [...bySection].map(([s, sum]) => `${money(sum.toFixed())} for ${SECTION[s] ?? s}`);
  if (parts.length) out.push(`It is made of ${parts.join(', ')}.`);
  for (const u of x.usageSummary) {
    const included = dec(u.included);
    const beyond = dec(u.quantity).minus(included);
    const cover = included.isZero()
      ? 'none of it was covered by an allowance'
      : `${u.included} ${u.unit} came out of your allowance${beyond.gt(0) ? `, the other ${beyond.toFixed()} ${u.unit} were charged` : ''}`;
    out.push(
      `You used ${u.quantity} ${u.unit} of ${u.service === 'voice' ? 'calls' : u.service === 'sms' ? 'texts' : 'data'} (${u.category.replaceAll('_', ' ')}, ${u.events} times): ${cover}, ${money(u.amount)} in all.`,
    );
  }
  for (const t of x.taxes) out.push(`${t.name}: ${t.calculation}.`);
  for (const n of x.taxNotes) out.push(n.text);
  if (x.settlement) out.push(x.settlement.sentence);
  return out;
}
