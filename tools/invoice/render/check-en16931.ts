import { dec, minorUnits, ZERO, type Decimal } from '../../money/index.ts';
import { checkVatBreakdown } from './check-en16931-vat.ts';
import { checkTwoDecimals, createRuleContext, currencyOf, sumAllowanceCharges, type En16931Finding, type RuleContext } from './en16931-rule-context.ts';
import { at, attribute, readUbl, textAt, type UblNode } from './read-ubl.ts';

export type { En16931Finding } from './en16931-rule-context.ts';

function requireText(ctx: RuleContext, node: UblNode | undefined, path: string, rule: string, what: string): void {
  if (textAt(node, path) === undefined) ctx.report(rule, `missing ${what}`);
}

function checkDocument(ctx: RuleContext): void {
  const { root } = ctx;
  requireText(ctx, root, 'CustomizationID', 'BR-01', 'Specification identifier (BT-24)');
  requireText(ctx, root, 'ID', 'BR-02', 'Invoice number (BT-1)');
  requireText(ctx, root, 'IssueDate', 'BR-03', 'Invoice issue date (BT-2)');
  requireText(ctx, root, ctx.credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode', 'BR-04', 'Invoice type code (BT-3)');
  if (ctx.currency === undefined) ctx.report('BR-05', 'missing Invoice currency code (BT-5)');
  else {
    try {
      minorUnits(ctx.currency);
    } catch {
      ctx.report('BR-CL-04', `Invoice currency code "${ctx.currency}" is not an ISO 4217 code`);
    }
  }
  for (const period of at(root, 'InvoicePeriod')) checkPeriod(ctx, period, 'BR-29', 'BR-CO-19', 'Invoicing period (BG-14)');
  for (const reference of at(root, 'BillingReference')) {
    requireText(ctx, reference, 'InvoiceDocumentReference/ID', 'BR-55', 'Preceding Invoice reference (BT-25)');
  }
  for (const means of at(root, 'PaymentMeans')) {
    const code = textAt(means, 'PaymentMeansCode');
    if (code === undefined) ctx.report('BR-49', 'a Payment instruction (BG-16) has no Payment means type code (BT-81)');
    if ((code === '30' || code === '58') && textAt(means, 'PayeeFinancialAccount/ID') === undefined) {
      ctx.report('BR-61', `credit transfer (${code}) without a Payment account identifier (BT-84)`);
    }
  }
}

function checkPeriod(ctx: RuleContext, period: UblNode, order: string, filled: string, what: string): void {
  const start = textAt(period, 'StartDate');
  const end = textAt(period, 'EndDate');
  if (start === undefined && end === undefined) ctx.report(filled, `${what} has neither a start nor an end date`);
  // ISO dates compare as strings.
  if (start !== undefined && end !== undefined && end < start) ctx.report(order, `${what} ends (${end}) before it starts (${start})`);
}

function checkParties(ctx: RuleContext): void {
  const seller = at(ctx.root, 'AccountingSupplierParty/Party')[0];
  const buyer = at(ctx.root, 'AccountingCustomerParty/Party')[0];
  requireText(ctx, seller, 'PartyLegalEntity/RegistrationName', 'BR-06', 'Seller name (BT-27)');
  requireText(ctx, buyer, 'PartyLegalEntity/RegistrationName', 'BR-07', 'Buyer name (BT-44)');
  const sellerAddress = at(seller, 'PostalAddress')[0];
  const buyerAddress = at(buyer, 'PostalAddress')[0];
  if (!sellerAddress) ctx.report('BR-08', 'missing Seller postal address (BG-5)');
  else requireText(ctx, sellerAddress, 'Country/IdentificationCode', 'BR-09', 'Seller country code (BT-40)');
  if (!buyerAddress) ctx.report('BR-10', 'missing Buyer postal address (BG-8)');
  else requireText(ctx, buyerAddress, 'Country/IdentificationCode', 'BR-11', 'Buyer country code (BT-55)');
  const sellerIdentified = ['PartyTaxScheme/CompanyID', 'PartyIdentification/ID', 'PartyLegalEntity/CompanyID'].some((p) => textAt(seller, p) !== undefined);
  if (!sellerIdentified) ctx.report('BR-CO-26', 'the Seller has no identifier, legal registration identifier or VAT identifier (BT-29, BT-30, BT-31)');
  for (const [party, role] of [
    [seller, 'Seller'],
    [buyer, 'Buyer'],
  ] as const) {
    for (const scheme of at(party, 'PartyTaxScheme')) {
      const id = textAt(scheme, 'CompanyID');
      if (textAt(scheme, 'TaxScheme/ID') === 'VAT' && id !== undefined && !/^[A-Z]{2}/.test(id)) {
        ctx.report('BR-CO-09', `${role} VAT identifier "${id}" has no two-letter country prefix`);
      }
    }
    const endpoint = at(party, 'EndpointID')[0];
    if (endpoint && attribute(endpoint, 'schemeID') === undefined) ctx.report(role === 'Seller' ? 'BR-62' : 'BR-63', `${role} electronic address has no scheme identifier`);
  }
}

function checkLines(ctx: RuleContext): void {
  const lines = ctx.lines();
  if (lines.length === 0) ctx.report('BR-16', 'an Invoice shall have at least one Invoice line (BG-25)');
  const quantityName = ctx.credit ? 'CreditedQuantity' : 'InvoicedQuantity';
  lines.forEach((line, index) => {
    const name = `line ${textAt(line, 'ID') ?? index + 1}`;
    requireText(ctx, line, 'ID', 'BR-21', `Invoice line identifier (BT-126) on line ${index + 1}`);
    const quantityNode = at(line, quantityName)[0];
    if (!quantityNode) ctx.report('BR-22', `${name}: missing Invoiced quantity (BT-129)`);
    else if (attribute(quantityNode, 'unitCode') === undefined) ctx.report('BR-23', `${name}: missing unit of measure code (BT-130)`);
    const netNode = at(line, 'LineExtensionAmount')[0];
    if (!netNode) ctx.report('BR-24', `${name}: missing Invoice line net amount (BT-131)`);
    checkTwoDecimals(ctx, netNode, 'BR-DEC-23', `${name}: Invoice line net amount (BT-131)`);
    requireText(ctx, line, 'Item/Name', 'BR-25', `Item name (BT-153) on ${name}`);
    requireText(ctx, line, 'Item/ClassifiedTaxCategory/ID', 'BR-CO-04', `Invoiced item VAT category code (BT-151) on ${name}`);
    for (const period of at(line, 'InvoicePeriod')) checkPeriod(ctx, period, 'BR-30', 'BR-CO-20', `${name}: Invoice line period (BG-26)`);
    const priceNode = at(line, 'Price/PriceAmount')[0];
    if (!priceNode) {
      ctx.report('BR-26', `${name}: missing Item net price (BT-146)`);
      return;
    }
    const price = ctx.decimal(priceNode, `${name}: Item net price`);
    if (price?.isNegative() && !price.isZero()) ctx.report('BR-27', `${name}: Item net price (BT-146) is negative: ${price.toString()}`);
    checkLinePrice(ctx, line, name, quantityNode, netNode, price);
  });
}

// Peppol's PEPPOL-EN16931-R120 (the core has no such rule): net = quantity x price / base quantity,
// within 0.02. It catches a renderer that prints a unit price the line amount does not follow from.
function checkLinePrice(ctx: RuleContext, line: UblNode, name: string, quantityNode: UblNode | undefined, netNode: UblNode | undefined, price: Decimal | null): void {
  const quantity = ctx.decimal(quantityNode, `${name}: quantity`);
  const net = ctx.decimal(netNode, `${name}: net amount`);
  const baseNode = at(line, 'Price/BaseQuantity')[0];
  const base = baseNode ? ctx.decimal(baseNode, `${name}: price base quantity`) : dec(1);
  if (quantity === null || net === null || price === null || base === null || base.isZero()) return;
  const lineAllowances = sumAllowanceCharges(ctx, at(line, 'AllowanceCharge'));
  const expected = quantity.times(price).div(base).plus(lineAllowances);
  if (expected.minus(net).abs().greaterThan('0.02')) {
    ctx.report('PEPPOL-EN16931-R120', `${name}: net amount ${net.toString()} is not quantity x price / base quantity (${expected.toString()})`);
  }
}

function checkTotals(ctx: RuleContext): void {
  const totals = at(ctx.root, 'LegalMonetaryTotal')[0];
  const field = (name: string) => at(totals, name)[0];
  const required: Array<[string, string, string, string]> = [
    ['LineExtensionAmount', 'BR-12', 'BR-DEC-09', 'Sum of Invoice line net amount (BT-106)'],
    ['TaxExclusiveAmount', 'BR-13', 'BR-DEC-12', 'Invoice total amount without VAT (BT-109)'],
    ['TaxInclusiveAmount', 'BR-14', 'BR-DEC-14', 'Invoice total amount with VAT (BT-112)'],
    ['PayableAmount', 'BR-15', 'BR-DEC-18', 'Amount due for payment (BT-115)'],
  ];
  for (const [name, rule, decimals, what] of required) {
    if (!field(name)) ctx.report(rule, `missing ${what}`);
    checkTwoDecimals(ctx, field(name), decimals, what);
  }
  checkTwoDecimals(ctx, field('AllowanceTotalAmount'), 'BR-DEC-10', 'Sum of allowances on document level (BT-107)');
  checkTwoDecimals(ctx, field('ChargeTotalAmount'), 'BR-DEC-11', 'Sum of charges on document level (BT-108)');
  checkTwoDecimals(ctx, field('PrepaidAmount'), 'BR-DEC-16', 'Paid amount (BT-113)');
  checkTwoDecimals(ctx, field('PayableRoundingAmount'), 'BR-DEC-17', 'Rounding amount (BT-114)');

  const value = (name: string) => (field(name) ? ctx.decimal(field(name), name) : ZERO);
  const lineSum = ctx.lines().reduce<Decimal | null>((sum, line) => {
    const net = ctx.decimal(at(line, 'LineExtensionAmount')[0], 'line net amount');
    return sum === null || net === null ? null : sum.plus(net);
  }, ZERO);
  const documentLevel = at(ctx.root, 'AllowanceCharge');
  for (const node of documentLevel) {
    const charge = textAt(node, 'ChargeIndicator') === 'true';
    if (!at(node, 'Amount')[0]) ctx.report(charge ? 'BR-36' : 'BR-31', `a document level ${charge ? 'charge' : 'allowance'} has no amount`);
    if (textAt(node, 'TaxCategory/ID') === undefined) ctx.report(charge ? 'BR-37' : 'BR-32', `a document level ${charge ? 'charge' : 'allowance'} has no VAT category code`);
    if (textAt(node, 'AllowanceChargeReason') === undefined && textAt(node, 'AllowanceChargeReasonCode') === undefined) {
      ctx.report(charge ? 'BR-38' : 'BR-33', `a document level ${charge ? 'charge' : 'allowance'} has no reason or reason code`);
    }
    checkTwoDecimals(ctx, at(node, 'Amount')[0], charge ? 'BR-DEC-05' : 'BR-DEC-01', `document level ${charge ? 'charge' : 'allowance'} amount`);
  }
  const charges = sumAllowanceCharges(
    ctx,
    documentLevel.filter((n) => textAt(n, 'ChargeIndicator') === 'true'),
  );
  const allowances = sumAllowanceCharges(
    ctx,
    documentLevel.filter((n) => textAt(n, 'ChargeIndicator') !== 'true'),
  ).negated();
  const [lineTotal, exclusive, inclusive, payable] = ['LineExtensionAmount', 'TaxExclusiveAmount', 'TaxInclusiveAmount', 'PayableAmount'].map(value);
  const [allowanceTotal, chargeTotal, prepaid, rounding] = ['AllowanceTotalAmount', 'ChargeTotalAmount', 'PrepaidAmount', 'PayableRoundingAmount'].map(value);
  const differs = (a: Decimal | null | undefined, b: Decimal | null | undefined) => a != null && b != null && !a.equals(b);
  if (field('LineExtensionAmount') && differs(lineTotal, lineSum))
    ctx.report('BR-CO-10', `Sum of Invoice line net amount ${lineTotal?.toString()} is not the sum of the lines, ${lineSum?.toString()}`);
  if (differs(allowanceTotal, allowances)) ctx.report('BR-CO-11', `Sum of allowances ${allowanceTotal?.toString()} is not the sum of the document level allowances, ${allowances.toString()}`);
  if (differs(chargeTotal, charges)) ctx.report('BR-CO-12', `Sum of charges ${chargeTotal?.toString()} is not the sum of the document level charges, ${charges.toString()}`);
  const expectedExclusive = lineSum?.minus(allowances).plus(charges);
  if (field('TaxExclusiveAmount') && differs(exclusive, expectedExclusive)) {
    ctx.report('BR-CO-13', `Invoice total without VAT ${exclusive?.toString()} is not lines - allowances + charges = ${expectedExclusive?.toString()}`);
  }
  const vat = checkTaxTotal(ctx);
  if (field('TaxInclusiveAmount') && exclusive != null && vat !== null && differs(inclusive, exclusive.plus(vat))) {
    ctx.report('BR-CO-15', `Invoice total with VAT ${inclusive?.toString()} is not the total without VAT plus the VAT, ${exclusive.plus(vat).toString()}`);
  }
  const expectedPayable = inclusive?.minus(prepaid ?? ZERO).plus(rounding ?? ZERO);
  if (field('PayableAmount') && differs(payable, expectedPayable)) {
    ctx.report('BR-CO-16', `Amount due ${payable?.toString()} is not total with VAT - paid + rounding = ${expectedPayable?.toString()}`);
  }
  if (payable?.isPositive() && !payable.isZero()) checkDueDate(ctx);
}

// The invoice total VAT amount (BT-110): the TaxTotal amount in the document currency, exactly once.
function checkTaxTotal(ctx: RuleContext): Decimal | null {
  const amounts = at(ctx.root, 'TaxTotal/TaxAmount').filter((a) => currencyOf(a) === ctx.currency);
  if (amounts.length !== 1) {
    ctx.report('BR-CO-15', `expected one Invoice total VAT amount (BT-110) in ${ctx.currency ?? 'the invoice currency'}, found ${amounts.length}`);
    return null;
  }
  checkTwoDecimals(ctx, amounts[0], 'BR-DEC-13', 'Invoice total VAT amount (BT-110)');
  for (const total of at(ctx.root, 'TaxTotal')) {
    const subtotals = at(total, 'TaxSubtotal');
    if (subtotals.length === 0) continue;
    const sum = subtotals.reduce<Decimal | null>((s, sub) => {
      const tax = ctx.decimal(at(sub, 'TaxAmount')[0], 'VAT category tax amount');
      return s === null || tax === null ? null : s.plus(tax);
    }, ZERO);
    const stated = ctx.decimal(at(total, 'TaxAmount')[0], 'Invoice total VAT amount');
    if (sum !== null && stated !== null && !sum.equals(stated)) {
      ctx.report('BR-CO-14', `Invoice total VAT amount ${stated.toString()} is not the sum of the VAT breakdown, ${sum.toString()}`);
    }
  }
  return ctx.decimal(amounts[0], 'Invoice total VAT amount');
}

function checkDueDate(ctx: RuleContext): void {
  const due = textAt(ctx.root, 'DueDate') ?? textAt(ctx.root, 'PaymentMeans/PaymentDueDate');
  const terms = textAt(ctx.root, 'PaymentTerms/Note');
  if (due === undefined && terms === undefined) ctx.report('BR-CO-25', 'a positive Amount due needs a Payment due date (BT-9) or Payment terms (BT-20)');
}

/**
 * Checks a UBL 2.1 Invoice or CreditNote against the EN 16931 business rules that matter for
 * telecom bills (mandatory fields, totals, VAT breakdown per category, decimals) and returns the
 * broken ones; an empty list means none of the checked rules is broken. Amounts are exact decimals.
 */
export function checkEn16931(xml: string): En16931Finding[] {
  const { root, credit } = readUbl(xml);
  const ctx = createRuleContext(root, credit);
  checkDocument(ctx);
  checkParties(ctx);
  checkLines(ctx);
  checkTotals(ctx);
  checkVatBreakdown(ctx);
  return ctx.findings;
}
