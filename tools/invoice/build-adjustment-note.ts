import type { Account, Customer } from '../catalog/account.types.ts';
import type { ChargeLine } from '../charging/charging.types.ts';
import { BillingError } from '../errors.ts';
import { dec, minorUnits } from '../money/index.ts';
import { assembleInvoice } from './assemble-invoice.ts';
import { buyerOf } from './bill-account.ts';
import { creditableAmounts } from './creditable-amounts.ts';
import { taxNoteLines } from './tax-note-lines.ts';
import type { BillingSettings } from './billing-settings.types.ts';
import type { InvoiceDocument } from './invoice.types.ts';
import type { TaxPack } from '../tax/index.ts';

/** One credit to give against a line of an issued invoice: a net amount, at most what is left of what the line charged. */
export interface AdjustmentCredit {
  /** The invoice line credited; its tax class and service period decide the tax. */
  lineId: string;
  /** Net amount to credit, positive, on the currency's minor unit. */
  amount: string;
}

/**
 * A credit note for approved waivers and goodwill credits: negative lines against named lines of
 * an issued invoice, taxed on the credited amounts at the rates the original lines carried (the
 * same tax rules as the invoice, per-line fees not refunded), referencing the invoice it corrects.
 */
export function buildAdjustmentNote(input: {
  original: InvoiceDocument;
  credits: AdjustmentCredit[];
  customer: Customer;
  account: Account;
  settings: BillingSettings;
  reason: string;
  /** Notes already issued against the invoice, so a line is never credited past what it charged net of discounts and earlier credits. */
  earlierNotes?: ReadonlyArray<InvoiceDocument>;
  /** A stable suffix for the line ids (the proposal id), so the note's lines trace to their approval. */
  ref: string;
  /** The tax packs in force; the built-in packs when absent. */
  taxPacks?: readonly TaxPack[];
}): InvoiceDocument {
  const { original, account, customer, settings } = input;
  if (original.kind !== 'invoice' || !original.number || !original.issueDate) {
    throw new BillingError('CONFLICT', 'only an issued invoice can be credited; a held invoice is corrected by billing it again');
  }
  if (input.credits.length === 0) throw new BillingError('INVALID_INPUT', 'nothing to credit');
  const decimals = minorUnits(original.currency);
  const creditable = creditableAmounts(original, input.earlierNotes ?? []);
  const given = new Map<string, string>();
  const lines: ChargeLine[] = input.credits.map((c) => {
    const line = original.lines.find((l) => l.id === c.lineId);
    if (!line) throw new BillingError('NOT_FOUND', `invoice ${original.number} has no line ${c.lineId}`);
    const amount = dec(c.amount);
    if (amount.lessThanOrEqualTo(0) || amount.decimalPlaces() > decimals) throw new BillingError('INVALID_INPUT', `a credit is a positive amount in ${original.currency}, not ${c.amount}`);
    const left = dec(creditable.lines.get(line.id)?.left ?? '0').minus(given.get(line.id) ?? '0');
    given.set(line.id, amount.plus(given.get(line.id) ?? '0').toString());
    if (amount.greaterThan(left)) {
      throw new BillingError(
        'INVALID_INPUT',
        `line ${line.id} (${line.description}) has ${dec(left).toFixed(decimals)} ${original.currency} left to credit (what it charged net of discounts and earlier credits), less than ${c.amount}`,
      );
    }
    const { taxCategory: _t, taxClass, ...rest } = line;
    const credited = amount.negated().toFixed(decimals);
    return {
      ...rest,
      taxClass: taxClass as ChargeLine['taxClass'],
      id: `adj:${input.ref}:${line.id}`,
      section: 'adjustments' as const,
      description: `Credit: ${line.description}`,
      quantity: '1',
      unitCode: 'C62',
      unit: 'item',
      unitPrice: credited,
      amount: credited,
      provenance: {
        catalogItems: line.provenance.catalogItems,
        usageEvents: [],
        tariffRows: [],
        calculation: `credit of ${amount.toFixed(decimals)} against line ${line.id} (charged ${creditable.lines.get(line.id)?.charged ?? line.amount} net of discounts) of invoice ${original.number}: ${input.reason}`,
      },
    };
  });
  const total = lines.reduce((s, l) => s.minus(l.amount), dec(0));
  if (total.greaterThan(creditable.invoiceLeft)) {
    throw new BillingError('INVALID_INPUT', `invoice ${original.number} has ${creditable.invoiceLeft} ${original.currency} net left to credit, less than ${total.toFixed(decimals)}`);
  }
  const taxes = taxNoteLines({ currency: original.currency, settings, customer, account, lines, period: original.period, taxPacks: input.taxPacks });
  const from = original.period.from;
  const to = original.period.to;
  return assembleInvoice({
    kind: 'credit_note',
    series: settings.creditNoteSeries,
    period: { label: original.period.label, from, to, days: 0, fromMs: Date.parse(`${from}T00:00:00Z`), toMs: Date.parse(`${to}T00:00:00Z`) },
    currency: original.currency,
    language: original.language,
    seller: settings.seller,
    buyer: buyerOf(customer, account),
    lines,
    taxes,
    usageSummary: [],
    correcting: { number: original.number, issueDate: original.issueDate, reason: input.reason },
  });
}
