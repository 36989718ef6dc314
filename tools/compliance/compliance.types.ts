import { z } from 'zod';

/** How bad a finding is: an error fails the check; a warning or an info is for a person to read. */
export const complianceSeveritySchema = z.enum(['error', 'warning', 'info']);
export type ComplianceSeverity = z.infer<typeof complianceSeveritySchema>;

/**
 * The stable codes of the checks (EN 16931 findings add `EN16931-<rule>`, e.g. `EN16931-BR-07`),
 * with what each means; agents and tests match on the code, never on the message.
 */
export const COMPLIANCE_CODES = {
  DOCUMENT_INVALID: 'the document does not match the invoice document schema',
  INVARIANT_BROKEN: 'the document does not add up or breaks another invoice invariant',
  TAX_PACK_NOT_FOUND: 'no rule pack covers the invoice, so its taxes cannot be checked',
  TAX_PACK_UNKNOWN: 'the tax lines name a pack that is not among the packs given',
  TAX_PACK_MIXED: 'the tax lines come from more than one pack',
  PACK_ILLUSTRATIVE: 'the pack illustrates the mechanics; its rates must not be billed as they stand',
  TAX_RULE_UNKNOWN: 'a tax line names a tax the pack does not have, or has with another kind',
  TAX_JURISDICTION_MISMATCH: "a tax line's jurisdiction is not that of its rule",
  PLACE_OF_SUPPLY_MISMATCH: "the buyer's address is outside the countries (or regions) of the tax charged",
  TAX_CATEGORY_MISMATCH: "a tax line's VAT category is not that of its rule or treatment",
  TAX_RATE_NOT_IN_FORCE: "the pack has no single rate for the tax line's service period",
  TAX_RATE_MISMATCH: "a rate is not the pack's rate for the jurisdiction, tax and service date",
  TAX_FEE_MISMATCH: "a per-line fee is not the pack's fee for the month",
  TAX_CLASS_NOT_TAXED: "a line's tax class is not one the rule taxes",
  TAX_LINE_UNKNOWN_LINE: 'a tax line lists a line the invoice does not have',
  TAX_BASE_MISMATCH: "a tax line's base is not the sum of its lines (times the class share)",
  TAX_AMOUNT_MISMATCH: 'a tax amount is not base x rate rounded as the pack says',
  LINE_TAX_CATEGORY_MISMATCH: "a line's VAT category or rate is not that of the tax line that covers it",
  LINE_WITHOUT_TAX_CATEGORY: 'in a VAT pack, a line is covered by no tax line or by more than one',
  TREATMENT_AMOUNT_NOT_ZERO: 'a reverse-charge, exempt or outside-scope tax line charges tax',
  REVERSE_CHARGE_NOTE_MISSING: 'a reverse-charged invoice lacks the reverse-charge mention',
  REVERSE_CHARGE_NOTE_TEXT: "the reverse-charge mention differs from the pack's wording",
  REVERSE_CHARGE_BUYER_VAT_ID_MISSING: "a reverse-charged invoice lacks the buyer's VAT id (with its country prefix)",
  REVERSE_CHARGE_NOT_APPLICABLE: 'the reverse charge is applied to a buyer it does not apply to',
  REVERSE_CHARGE_EXPECTED: "VAT is charged to a business whose VAT id is of another country than the seller's",
  EXEMPTION_REASON_MISSING: 'an exempt or outside-scope category has no note giving the reason',
  INVOICE_NUMBER_MISSING: 'an issued document has no number',
  ISSUE_DATE_MISSING: 'an issued document has no issue date',
  DUE_DATE_MISSING: 'an issued document has no due date',
  DUE_DATE_BEFORE_ISSUE_DATE: 'the due date is before the issue date',
  SELLER_NAME_MISSING: "the seller's name is blank",
  SELLER_ADDRESS_INCOMPLETE: "the seller's address lacks a street line, city or country (or, as a warning, a postcode)",
  SELLER_VAT_ID_MISSING: "a VAT invoice lacks the seller's VAT id",
  PACK_REQUIRED_FIELD_MISSING: 'the invoice lacks a field its tax pack requires from a day on (pack data: requiredFields)',
  BUYER_NAME_MISSING: "the buyer's name is blank",
  BUYER_ADDRESS_INCOMPLETE: "the buyer's address lacks a street line, city or country (or, as a warning, a postcode)",
  CORRECTED_INVOICE_MISSING: 'a credit or debit note does not reference the invoice it corrects',
  CORRECTION_ON_INVOICE: 'an ordinary invoice carries a reference to an invoice it corrects',
  OPERATOR_CHARGE_IN_TAXES: 'a charge that is not government-mandated is printed among the taxes',
  GOVERNMENT_CHARGE_IN_OWN_LINES: "a government charge is billed among the operator's own lines",
  EN16931_NOT_APPLICABLE: 'the invoice is not an EN 16931 document (no VAT pack, or per-line fees)',
  EN16931_CHECKED_AS_DRAFT: 'a draft was checked against EN 16931 with a placeholder number and issue date',
  EN16931_NOT_RENDERABLE: 'the document cannot be rendered as EN 16931 UBL',
} as const;
export type ComplianceCode = keyof typeof COMPLIANCE_CODES;

export const complianceFindingSchema = z.object({
  /** A key of COMPLIANCE_CODES, or `EN16931-<rule>`. */
  code: z.string().min(1),
  severity: complianceSeveritySchema,
  message: z.string(),
  /** The document field concerned, as a path (`taxes[0].ratePercent`, `buyer.vatId`). */
  field: z.string().optional(),
  lineId: z.string().optional(),
  /** The rule's source: statute, authority or standard, from the pack where it has one. */
  source: z.string().optional(),
});
export type ComplianceFinding = z.infer<typeof complianceFindingSchema>;

export const complianceReportSchema = z.object({
  /** The jurisdiction whose rules were applied (the most specific on the tax lines, e.g. "US-CA", else the buyer's country). */
  jurisdiction: z.string(),
  packId: z.string().nullable(),
  findings: z.array(complianceFindingSchema),
  /** True when no finding is an error. */
  passed: z.boolean(),
});
export type ComplianceReport = z.infer<typeof complianceReportSchema>;
