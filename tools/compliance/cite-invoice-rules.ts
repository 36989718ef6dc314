import type { TaxPack } from '../tax/tax-pack.types.ts';

/**
 * Where the content of an invoice is required by law, for findings the packs do not source (the
 * packs cite rates and treatments, not the invoice's mandatory fields). Keyed by the pack's
 * countries, so an operator's own pack for the same territory cites the same law.
 */
const EU_INVOICE =
  'Directive 2006/112/EC art. 226 (invoice content: (1) date of issue, (2) sequential number, (3) supplier VAT id, (4) customer VAT id where the customer is liable, (5) full names and addresses of supplier and customer)';
const UK_INVOICE =
  'The Value Added Tax Regulations 1995 (SI 1995/2518) reg. 14(1) (VAT invoice content: sequential number, date of issue, name, address and VAT registration number of the supplier, name and address of the customer); HMRC VAT Notice 700 section 16';
const EU_CORRECTION = 'Directive 2006/112/EC art. 219 (a document amending an invoice must refer to it specifically and unambiguously); EN 16931 BG-3 / BR-55 (preceding invoice reference)';
const UK_CORRECTION = 'HMRC VAT Notice 700 (credit and debit notes refer to the original VAT invoice); EN 16931 BG-3 / BR-55 (preceding invoice reference)';
const SWITCHBOARD = 'Switchboard invoice rules (docs/billing.md: an issued document has a gapless number, an issue date and a due date = issue date + payment terms)';

function isUk(pack: TaxPack | null): boolean {
  return pack !== null && pack.countries.includes('GB');
}

// The 27 member states: a pack taxing any of them applies the VAT Directive.
const EU_MEMBERS = new Set('AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '));

function isEu(pack: TaxPack | null): boolean {
  return pack !== null && pack.countries.some((c) => EU_MEMBERS.has(c));
}

/** The law that requires an invoice's mandatory fields in the pack's territory, or Switchboard's own rule elsewhere. */
export function invoiceContentSource(pack: TaxPack | null): string {
  if (isUk(pack)) return UK_INVOICE;
  if (isEu(pack)) return EU_INVOICE;
  return SWITCHBOARD;
}

/** The law that requires a credit or debit note to reference the invoice it corrects. */
export function correctionSource(pack: TaxPack | null): string {
  if (isUk(pack)) return UK_CORRECTION;
  return EU_CORRECTION;
}

/** Switchboard's rule for numbers and dates of issued documents, cited beside the law. */
export function issueRuleSource(pack: TaxPack | null): string {
  const law = invoiceContentSource(pack);
  return law === SWITCHBOARD ? law : `${law}; ${SWITCHBOARD}`;
}

/** Truth-in-billing: government charges apart from the carrier's own (US pack). */
export const TRUTH_IN_BILLING = '47 CFR 64.2401 (truth-in-billing: charges clearly identified, no line item may be presented as a tax or government charge unless it is one); FCC 05-55';
