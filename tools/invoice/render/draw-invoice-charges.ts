import type { TaxLine } from '../../tax/tax.types.ts';
import { lineSectionSchema, type InvoiceLine } from '../invoice.types.ts';
import { fillLabel } from './invoice-labels.ts';
import { GREY, type Column, type PdfLayout, type TableItem } from './pdf-layout.ts';
import type { PrintContext } from './print-context.ts';

function lineColumns(ctx: PrintContext, width: number): Column[] {
  const { labels } = ctx;
  if (!ctx.business) {
    return [
      { label: labels.description, width: width - 180, wrap: true },
      { label: labels.quantity, width: 95, align: 'right' },
      { label: labels.amount, width: 85, align: 'right' },
    ];
  }
  return [
    { label: labels.description, width: width - 324, wrap: true },
    { label: labels.servicePeriod, width: 82 },
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

function lineRow(line: InvoiceLine, ctx: PrintContext): TableItem {
  const quantity = `${ctx.quantity(line.quantity)} ${line.unit}`;
  if (!ctx.business) return { row: { cells: [line.description, quantity, ctx.money(line.amount)] } };
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

/** Draws the operator's own charges, section by section and, inside a section, phone line by phone line. */
export function drawInvoiceLines(layout: PdfLayout, ctx: PrintContext): void {
  const { doc, labels } = ctx;
  if (doc.lines.length === 0) {
    layout.paragraph(labels.noCharges, { size: 9 });
    return;
  }
  const columns = lineColumns(ctx, layout.width);
  for (const section of lineSectionSchema.options) {
    const lines = doc.lines.filter((l) => l.section === section);
    if (lines.length === 0) continue;
    layout.heading(labels.sections[section]);
    const items: TableItem[] = [];
    for (const group of groupByPhoneLine(lines)) {
      items.push({ group: group.msisdn ? fillLabel(labels.lineFor, { msisdn: group.msisdn }) : labels.accountLevel });
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
