import { z } from 'zod';
import de from '../locales/de/layout.json' with { type: 'json' };
import en from '../locales/en/layout.json' with { type: 'json' };
import es from '../locales/es/layout.json' with { type: 'json' };
import fr from '../locales/fr/layout.json' with { type: 'json' };
import { printLanguage } from './format-invoice-values.ts';

const text = z.string().min(1);

/** The words the family and enterprise layouts and the call annex add; templates take {named} placeholders. */
export const layoutLabelsSchema = z
  .object({
    yourLines: text,
    lineColumn: text,
    nameColumn: text,
    costCentreColumn: text,
    phoneLinesColumn: text,
    chargesColumn: text,
    netAmountColumn: text,
    accountCharges: text,
    noCostCentre: text,
    lineSubtotal: text,
    chargesByLine: text,
    costCentreSummary: text,
    lineSummary: text,
    serviceChargesRow: text,
    annexTitle: text,
    annexIntro: text.includes('{timezone}'),
    annexEmpty: text,
    dateTimeColumn: text,
    numberColumn: text,
    serviceColumn: text,
    usageColumn: text,
    amountColumn: text,
    includedAmount: text,
    received: text.includes('{number}'),
    annexServices: z.object({ voice: text, sms: text, data: text }).strict(),
  })
  .strict();
export type LayoutLabels = z.infer<typeof layoutLabelsSchema>;

// Checked once when the module loads: a broken data file fails every render at once, never half a page.
const LAYOUT_LABELS: Record<string, LayoutLabels> = {
  en: layoutLabelsSchema.parse(en),
  de: layoutLabelsSchema.parse(de),
  fr: layoutLabelsSchema.parse(fr),
  es: layoutLabelsSchema.parse(es),
};

/** The layout words in the invoice's print language (English for a language Switchboard does not print). */
export function layoutLabelsFor(language: string): LayoutLabels {
  return LAYOUT_LABELS[printLanguage(language)] ?? (LAYOUT_LABELS.en as LayoutLabels);
}

/** Languages the layout words exist in (the data files under tools/invoice/locales). */
export const LAYOUT_LANGUAGES = Object.keys(LAYOUT_LABELS);
