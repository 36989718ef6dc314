import { roundDecimal, ZERO, type Decimal } from '../../money/index.ts';
import { checkTwoDecimals, type RuleContext } from './en16931-rule-context.ts';
import { at, textAt, type UblNode } from './read-ubl.ts';

/** How EN 16931 treats one VAT category: the rule family, the rate it allows, what its breakdown holds. */
interface CategoryRules {
  prefix: string;
  rate: 'positive' | 'zero' | 'absent' | 'any';
  /** Standard and IGIC/IPSI keep one breakdown per rate; the others exactly one in all. */
  perRate: boolean;
  zeroTax: boolean;
  exemptionReason: 'required' | 'forbidden';
  buyerId: boolean;
}

const CATEGORIES: Record<string, CategoryRules> = {
  S: { prefix: 'BR-S', rate: 'positive', perRate: true, zeroTax: false, exemptionReason: 'forbidden', buyerId: false },
  Z: { prefix: 'BR-Z', rate: 'zero', perRate: false, zeroTax: true, exemptionReason: 'forbidden', buyerId: false },
  E: { prefix: 'BR-E', rate: 'zero', perRate: false, zeroTax: true, exemptionReason: 'required', buyerId: false },
  AE: { prefix: 'BR-AE', rate: 'zero', perRate: false, zeroTax: true, exemptionReason: 'required', buyerId: true },
  K: { prefix: 'BR-IC', rate: 'zero', perRate: false, zeroTax: true, exemptionReason: 'required', buyerId: true },
  G: { prefix: 'BR-G', rate: 'zero', perRate: false, zeroTax: true, exemptionReason: 'required', buyerId: false },
  O: { prefix: 'BR-O', rate: 'absent', perRate: false, zeroTax: true, exemptionReason: 'required', buyerId: false },
  L: { prefix: 'BR-IG', rate: 'any', perRate: true, zeroTax: false, exemptionReason: 'forbidden', buyerId: false },
  M: { prefix: 'BR-IP', rate: 'any', perRate: true, zeroTax: false, exemptionReason: 'forbidden', buyerId: false },
};

/** Something that carries a VAT category: a line, a document allowance or charge, or a breakdown. */
interface Taxed {
  code: string;
  rate: Decimal | null;
  /** Signed contribution to the category's taxable amount (allowances negative). */
  amount: Decimal | null;
  where: string;
  /** Rule number suffix for the rate rule: 05 lines, 06 allowances, 07 charges. */
  rateRule: '05' | '06' | '07';
}

function rateOf(ctx: RuleContext, category: UblNode | undefined, where: string): Decimal | null {
  const node = at(category, 'Percent')[0];
  return node ? ctx.decimal(node, `${where}: VAT rate`) : null;
}

function sameRate(a: Decimal | null, b: Decimal | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}

function taxedItems(ctx: RuleContext): Taxed[] {
  const items: Taxed[] = ctx.lines().map((line, i) => {
    const where = `line ${textAt(line, 'ID') ?? i + 1}`;
    const category = at(line, 'Item/ClassifiedTaxCategory')[0];
    return { code: textAt(category, 'ID') ?? '', rate: rateOf(ctx, category, where), amount: ctx.decimal(at(line, 'LineExtensionAmount')[0], `${where}: net amount`), where, rateRule: '05' };
  });
  at(ctx.root, 'AllowanceCharge').forEach((node, i) => {
    const charge = textAt(node, 'ChargeIndicator') === 'true';
    const where = `document level ${charge ? 'charge' : 'allowance'} ${i + 1}`;
    const category = at(node, 'TaxCategory')[0];
    const amount = ctx.decimal(at(node, 'Amount')[0], `${where}: amount`);
    items.push({ code: textAt(category, 'ID') ?? '', rate: rateOf(ctx, category, where), amount: amount && (charge ? amount : amount.negated()), where, rateRule: charge ? '07' : '06' });
  });
  return items;
}

function checkRate(ctx: RuleContext, rules: CategoryRules, item: Taxed): void {
  const { rate } = item;
  const rule = `${rules.prefix}-${item.rateRule}`;
  if (rules.rate === 'absent' && rate !== null) ctx.report(rule, `${item.where}: category ${item.code} shall have no VAT rate`);
  if (rules.rate === 'zero' && (rate === null || !rate.isZero())) ctx.report(rule, `${item.where}: category ${item.code} needs VAT rate 0`);
  if (rules.rate === 'positive' && (rate === null || !rate.greaterThan(0))) ctx.report(rule, `${item.where}: category ${item.code} needs a VAT rate above 0`);
}

// BT-117 = BT-116 x rate / 100 rounded to 2 decimals, within one unit either way, as the
// published EN 16931 validation artefacts test it (rates rounding to 0 want a tax rounding to 0).
function categoryTaxFollows(taxable: Decimal, tax: Decimal, rate: Decimal | null): boolean {
  if (rate === null || roundDecimal(rate, 0, 'middle').isZero()) return roundDecimal(tax, 0, 'middle').isZero();
  const expected = roundDecimal(taxable.abs().times(rate).div(100), 2, 'middle');
  return tax.abs().minus(1).lessThan(expected) && tax.abs().plus(1).greaterThan(expected);
}

function checkSubtotal(ctx: RuleContext, subtotal: UblNode, index: number, items: Taxed[]): void {
  const where = `VAT breakdown ${index + 1}`;
  const category = at(subtotal, 'TaxCategory')[0];
  const code = textAt(category, 'ID');
  const taxableNode = at(subtotal, 'TaxableAmount')[0];
  const taxNode = at(subtotal, 'TaxAmount')[0];
  if (!taxableNode) ctx.report('BR-45', `${where}: missing VAT category taxable amount (BT-116)`);
  if (!taxNode) ctx.report('BR-46', `${where}: missing VAT category tax amount (BT-117)`);
  if (code === undefined) ctx.report('BR-47', `${where}: missing VAT category code (BT-118)`);
  const rate = rateOf(ctx, category, where);
  if (rate === null && code !== 'O') ctx.report('BR-48', `${where}: missing VAT category rate (BT-119)`);
  checkTwoDecimals(ctx, taxableNode, 'BR-DEC-19', `${where}: VAT category taxable amount (BT-116)`);
  checkTwoDecimals(ctx, taxNode, 'BR-DEC-20', `${where}: VAT category tax amount (BT-117)`);
  const taxable = ctx.decimal(taxableNode, `${where}: taxable amount`);
  const tax = ctx.decimal(taxNode, `${where}: tax amount`);
  const rules = code === undefined ? undefined : CATEGORIES[code];
  if (taxable !== null && tax !== null && !categoryTaxFollows(taxable, tax, rate)) {
    ctx.report('BR-CO-17', `${where}: tax ${tax.toString()} is not taxable amount ${taxable.toString()} x ${rate?.toString() ?? 'no rate'}%`);
    if (rules?.perRate) ctx.report(`${rules.prefix}-09`, `${where}: tax ${tax.toString()} does not follow from the rate`);
  }
  if (!rules || code === undefined) return;
  const covered = items.filter((i) => i.code === code && (!rules.perRate || sameRate(i.rate, rate)));
  const sum = covered.reduce<Decimal | null>((s, i) => (s === null || i.amount === null ? null : s.plus(i.amount)), ZERO);
  if (taxable !== null && sum !== null && !taxable.equals(sum)) {
    const rateText = rules.perRate ? ` at ${rate?.toString() ?? 'no'}%` : '';
    ctx.report(`${rules.prefix}-08`, `${where}: taxable amount ${taxable.toString()} is not the sum of the category ${code}${rateText} lines, allowances and charges, ${sum.toString()}`);
  }
  if (rules.zeroTax && tax !== null && !tax.isZero()) ctx.report(`${rules.prefix}-09`, `${where}: category ${code} shall have tax amount 0, has ${tax.toString()}`);
  const reason = textAt(category, 'TaxExemptionReasonCode') ?? textAt(category, 'TaxExemptionReason');
  if (rules.exemptionReason === 'required' && reason === undefined) ctx.report(`${rules.prefix}-10`, `${where}: category ${code} needs an exemption reason or reason code`);
  if (rules.exemptionReason === 'forbidden' && reason !== undefined) ctx.report(`${rules.prefix}-10`, `${where}: category ${code} shall have no exemption reason`);
}

function hasVatId(party: UblNode | undefined): boolean {
  return at(party, 'PartyTaxScheme').some((s) => textAt(s, 'CompanyID') !== undefined);
}

function checkIdentifiers(ctx: RuleContext, items: Taxed[]): void {
  const seller = at(ctx.root, 'AccountingSupplierParty/Party')[0];
  const buyer = at(ctx.root, 'AccountingCustomerParty/Party')[0];
  const sellerVat = hasVatId(seller) || hasVatId(at(ctx.root, 'TaxRepresentativeParty')[0]);
  const buyerId = hasVatId(buyer) || textAt(buyer, 'PartyLegalEntity/CompanyID') !== undefined;
  for (const [code, rules] of Object.entries(CATEGORIES)) {
    for (const [suffix, selected] of [
      ['02', '05'],
      ['03', '06'],
      ['04', '07'],
    ] as const) {
      if (!items.some((i) => i.code === code && i.rateRule === selected)) continue;
      const rule = `${rules.prefix}-${suffix}`;
      if (code === 'O') {
        if (hasVatId(seller) || hasVatId(buyer) || hasVatId(at(ctx.root, 'TaxRepresentativeParty')[0])) ctx.report(rule, 'an invoice not subject to VAT shall carry no Seller or Buyer VAT identifier');
      } else if (!sellerVat) {
        ctx.report(rule, `category ${code} needs the Seller VAT identifier (BT-31) or a tax representative's`);
      } else if (rules.buyerId && suffix === '02' && !buyerId) {
        ctx.report(rule, `category ${code} needs the Buyer VAT identifier (BT-48) or legal registration identifier (BT-47)`);
      }
    }
  }
}

/**
 * Checks the VAT breakdown (BG-23) against the lines, allowances and charges per category: a
 * breakdown for every category used, the rates each category allows, taxable amounts that are the
 * exact sums, zero tax where no tax is due, exemption reasons and the VAT ids the category needs.
 */
export function checkVatBreakdown(ctx: RuleContext): void {
  const items = taxedItems(ctx);
  const subtotals = at(ctx.root, 'TaxTotal/TaxSubtotal');
  if (subtotals.length === 0) ctx.report('BR-CO-18', 'an Invoice shall have at least one VAT breakdown (BG-23)');
  subtotals.forEach((subtotal, i) => checkSubtotal(ctx, subtotal, i, items));

  const breakdown = subtotals.map((s) => ({ code: textAt(s, 'TaxCategory/ID'), rate: rateOf(ctx, at(s, 'TaxCategory')[0], 'VAT breakdown') }));
  for (const [code, rules] of Object.entries(CATEGORIES)) {
    const used = items.filter((i) => i.code === code);
    const found = breakdown.filter((b) => b.code === code);
    for (const item of used) checkRate(ctx, rules, item);
    if (used.length === 0) continue;
    if (rules.perRate) {
      for (const item of used) {
        if (!found.some((b) => sameRate(b.rate, item.rate))) ctx.report(`${rules.prefix}-01`, `${item.where}: no VAT breakdown for category ${code} at ${item.rate?.toString() ?? 'no'}%`);
      }
    } else if (found.length !== 1) {
      ctx.report(`${rules.prefix}-01`, `category ${code} is used, so the VAT breakdown needs exactly one ${code} group; it has ${found.length}`);
    }
  }
  if (breakdown.some((b) => b.code === 'O')) {
    if (breakdown.some((b) => b.code !== 'O')) ctx.report('BR-O-11', 'a VAT breakdown not subject to VAT (O) shall be the only one');
    for (const item of items.filter((i) => i.code !== 'O')) {
      ctx.report(item.rateRule === '05' ? 'BR-O-12' : item.rateRule === '06' ? 'BR-O-13' : 'BR-O-14', `${item.where}: category ${item.code} on an invoice not subject to VAT`);
    }
  }
  checkIdentifiers(ctx, items);
}
