import type { TaxLine } from '../../tax/tax.types.ts';
import { lineSectionSchema, type InvoiceLine } from '../invoice.types.ts';
import { fillLabel } from './invoice-labels.ts';
import { GREY, type Column, type PdfLayout, type TableItem } from './pdf-layout.ts';
import type { PrintContext } from './print-context.ts';

// The detailed columns (service period, unit price, VAT category) are the enterprise layout's and any business buyer's.
function detailed(ctx: PrintContext): boolean {
  return ctx.business || ctx.layout === 'enterprise';
}

/** The columns of the itemised lines: three for a household, six with unit price and VAT for a business. */
export function lineColumns(ctx: PrintContext, width: number): Column[] {
  const { labels } = ctx;
  if (!detailed(ctx)) {
    return [
      { label: labels.description, width: width - 180, wrap: true },
      { label: labels.quantity, width: 95, align: 'right' },
      { label: labels.amount, width: 85, align: 'right' },
    ];
  }
  // Large print needs a wider period column ("1 Mar – 31 Mar" at 12.6 pt); the description wraps instead.
  const period = ctx.largePrint ? 104 : 82;
  return [
    { label: labels.description, width: width - 242 - period, wrap: true },
    { label: labels.servicePeriod, width: period },
    { label: labels.quantity, width: 66, align: 'right' },
    { label: labels.unitPrice, width: 64, align: 'right' },
    { label: labels.tax, width: 44, align: 'right' },
    { label: labels.amount, width: 68, align: 'right' },
  ];
}

function taxCategory(line: InvoiceLine, ctx: PrintContext): string {
  const { code, ratePercent } = line.taxCategory;
  return ratePercent === null ? code : `${code} ${ctx.percent(ratePercent)}`;
}

/** One itemised line as a table row in the columns `lineColumns` gives. */
export function lineRow(line: InvoiceLine, ctx: PrintContext): TableItem {
  const quantity = `${ctx.quantity(line.quantity)} ${line.unit}`;
  if (!detailed(ctx)) return { row: { cells: [line.description, quantity, ctx.money(line.amount)] } };
  const cells = [line.description, ctx.shortPeriod(line.servicePeriod), quantity, line.unitPrice === null ? '' : ctx.money(line.unitPrice), taxCategory(line, ctx), ctx.money(line.amount)];
  const note = line.provenance.calculation.trim();
  return { row: note ? { cells, note } : { cells } };
}

// Groups in first-appearance order, so the print follows the order assembly chose.
function groupByPhoneLine(lines: InvoiceLine[]): Array<{ msisdn: string | null; lines: InvoiceLine[] }> {
  const groups = new Map<string | null, InvoiceLine[]>();
  for (const line of lines) {
    const key = line.msisdn ?? null;
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  return [...groups].map(([msisdn, grouped]) => ({ msisdn, lines: grouped }));
}

/** The heading of a phone line's rows: "Line +44…", with the customer's name for it when there is one. */
export function phoneLineTitle(ctx: PrintContext, msisdn: string | null, label: string | null): string {
  if (!msisdn) return ctx.labels.accountLevel;
  const title = fillLabel(ctx.labels.lineFor, { msisdn });
  return label ? `${title} - ${label}` : title;
}

/**
 * Draws the operator's own charges, section by section and, inside a section, phone line by phone
 * line. At the summary detail level the usage section is left out: "Your usage" shows it by category.
 */
export function drawInvoiceLines(layout: PdfLayout, ctx: PrintContext): void {
  const { doc, labels } = ctx;
  if (doc.lines.length === 0) {
    layout.paragraph(labels.noCharges, { size: 9 });
    return;
  }
  const columns = lineColumns(ctx, layout.width);
  const names = new Map(doc.phoneLines.map((p) => [p.subscriptionId, p.label]));
  for (const section of lineSectionSchema.options) {
    if (section === 'usage' && ctx.detail === 'summary') continue;
    const lines = doc.lines.filter((l) => l.section === section);
    if (lines.length === 0) continue;
    layout.heading(labels.sections[section]);
    const items: TableItem[] = [];
    for (const group of groupByPhoneLine(lines)) {
      const subscriptionId = group.lines[0]?.subscriptionId ?? null;
      items.push({ group: phoneLineTitle(ctx, group.msisdn, names.get(subscriptionId) ?? null) });
      for (const line of group.lines) items.push(lineRow(line, ctx));
    }
    layout.table(columns, items, labels.continued);
  }
}

function taxRow(tax: TaxLine, ctx: PrintContext): TableItem {
  const { labels, doc } = ctx;
  const perLine = tax.kind === 'per_line';
  const rate = perLine ? fillLabel(labels.perLine, { fee: ctx.money(tax.feePerLine ?? '0') }) : tax.ratePercent === null ? '' : ctx.percent(tax.ratePercent);
  const base = perLine ? fillLabel(labels.lines, { count: ctx.quantity(tax.base) }) : ctx.money(tax.base);
  // A tax split by a rate change inside the period says which days each part covers.
  const split = tax.servicePeriod.from !== doc.period.from || tax.servicePeriod.to !== doc.period.to;
  const name = split ? `${tax.name} (${ctx.shortPeriod(tax.servicePeriod)})` : tax.name;
  return { row: { cells: [name, tax.jurisdiction, rate, base, ctx.money(tax.amount)] } };
}

function taxColumns(ctx: PrintContext, width: number): Column[] {
  const { labels } = ctx;
  return [
    { label: labels.charge, width: width - 296, wrap: true },
    { label: labels.jurisdiction, width: 62 },
    { label: labels.rate, width: 88, align: 'right' },
    { label: labels.base, width: 74, align: 'right' },
    { label: labels.amount, width: 72, align: 'right' },
  ];
}

/**
 * Draws the tax lines in two groups, as truth-in-billing asks: surcharges the operator chose, then
 * the charges a government mandates, each under its own heading and never mixed with the other.
 */
export function drawInvoiceTaxes(layout: PdfLayout, ctx: PrintContext): void {
  const { doc, labels } = ctx;
  const columns = taxColumns(ctx, layout.width);
  const groups: Array<[string, string, TaxLine[]]> = [
    [labels.surchargesSection, labels.surchargesIntro, doc.taxes.filter((t) => !t.governmentMandated)],
    [labels.governmentSection, labels.governmentIntro, doc.taxes.filter((t) => t.governmentMandated)],
  ];
  for (const [heading, intro, taxes] of groups) {
    if (taxes.length === 0) continue;
    layout.heading(heading);
    layout.paragraph(intro, { size: 8, color: GREY });
    layout.table(
      columns,
      taxes.map((t) => taxRow(t, ctx)),
      labels.continued,
    );
  }
}
