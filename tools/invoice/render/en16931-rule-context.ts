import { dec, ZERO, type Decimal } from '../../money/index.ts';
import { at, attribute, textAt, textOf, type UblNode } from './read-ubl.ts';

/** One broken business rule: the rule's id as EN 16931 names it, and what is wrong where. */
export interface En16931Finding {
  rule: string;
  message: string;
}

/** The parsed document and the helpers every rule group of the checker shares. */
export interface RuleContext {
  root: UblNode;
  credit: boolean;
  currency: string | undefined;
  findings: En16931Finding[];
  report(rule: string, message: string): void;
  /** An amount, quantity or percentage, exact; a value that is not a decimal is reported once (UBL-DT-01). */
  decimal(node: UblNode | undefined, what: string): Decimal | null;
  lines(): UblNode[];
}

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** Builds the context the rule groups report into. */
export function createRuleContext(root: UblNode, credit: boolean): RuleContext {
  const findings: En16931Finding[] = [];
  const parsed = new Map<UblNode, Decimal | null>();
  const report = (rule: string, message: string) => findings.push({ rule, message });
  const read = (node: UblNode | undefined, what: string): Decimal | null => {
    if (!node) return null;
    const cached = parsed.get(node);
    if (cached !== undefined) return cached;
    const text = textOf(node);
    let value: Decimal | null = null;
    if (text !== undefined && DECIMAL.test(text)) value = dec(text);
    else report('UBL-DT-01', `${what} is not a decimal number: "${text ?? ''}"`);
    parsed.set(node, value);
    return value;
  };
  return {
    root,
    credit,
    currency: textOf(at(root, 'DocumentCurrencyCode')[0]),
    findings,
    report,
    decimal: read,
    lines: () => at(root, credit ? 'CreditNoteLine' : 'InvoiceLine'),
  };
}

/** Number of digits after the decimal point of an element's text. */
export function decimalPlaces(node: UblNode | undefined): number {
  const text = textOf(node) ?? '';
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

/** Reports `rule` when the element has more than two decimals (the BR-DEC rules). */
export function checkTwoDecimals(ctx: RuleContext, node: UblNode | undefined, rule: string, what: string): void {
  if (node && decimalPlaces(node) > 2) ctx.report(rule, `${what} has more than 2 decimals: ${textOf(node) ?? ''}`);
}

/** The currency an amount element states. */
export function currencyOf(node: UblNode | undefined): string | undefined {
  return attribute(node, 'currencyID');
}

/** Charges minus allowances of a list of AllowanceCharge elements. */
export function sumAllowanceCharges(ctx: RuleContext, nodes: UblNode[]): Decimal {
  return nodes.reduce((sum, node) => {
    const amount = ctx.decimal(at(node, 'Amount')[0], 'allowance or charge amount') ?? ZERO;
    return textAt(node, 'ChargeIndicator') === 'true' ? sum.plus(amount) : sum.minus(amount);
  }, ZERO);
}
