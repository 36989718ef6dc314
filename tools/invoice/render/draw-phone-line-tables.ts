import { lineColumns, lineRow, phoneLineTitle } from './draw-invoice-charges.ts';
import type { Column, PdfLayout, TableItem } from './pdf-layout.ts';
import type { PrintContext } from './print-context.ts';

// The closing row of a summary table: the document's own subtotal, never a sum made here.
function serviceChargesRow(ctx: PrintContext, columns: number): TableItem {
  const cells = Array.from({ length: columns }, () => '');
  cells[0] = ctx.layoutLabels.serviceChargesRow;
  cells[columns - 1] = ctx.money(ctx.doc.subtotal);
  return { row: { cells, bold: true } };
}

function lineName(ctx: PrintContext, msisdn: string | null): string {
  return msisdn ?? ctx.layoutLabels.accountCharges;
}

/** The family layout's overview: one row per phone line with its name and what it cost, then the service charges. */
export function drawLinesOverview(layout: PdfLayout, ctx: PrintContext): void {
  const { doc, layoutLabels: words } = ctx;
  if (doc.phoneLines.length === 0) return;
  const columns: Column[] = [
    { label: words.lineColumn, width: 120 },
    { label: words.nameColumn, width: layout.width - 265, wrap: true },
    { label: words.chargesColumn, width: 50, align: 'right' },
    { label: words.netAmountColumn, width: 95, align: 'right' },
  ];
  layout.heading(words.yourLines);
  const items: TableItem[] = doc.phoneLines.map((p) => ({ row: { cells: [lineName(ctx, p.msisdn), p.label ?? '', String(p.charges), ctx.money(p.amount)] } }));
  layout.table(columns, [...items, serviceChargesRow(ctx, columns.length)], ctx.labels.continued, 9);
}

/** The family layout's detail: each phone line's charges under its name, closed by the line's subtotal. */
export function drawChargesByLine(layout: PdfLayout, ctx: PrintContext): void {
  const { doc, layoutLabels: words } = ctx;
  if (doc.lines.length === 0) return;
  const columns = lineColumns(ctx, layout.width);
  layout.heading(words.chargesByLine);
  const items: TableItem[] = [];
  for (const phoneLine of doc.phoneLines) {
    items.push({ group: phoneLineTitle(ctx, phoneLine.msisdn, phoneLine.label) });
    for (const line of doc.lines) if (line.subscriptionId === phoneLine.subscriptionId) items.push(lineRow(line, ctx));
    const cells = columns.map(() => '');
    cells[0] = words.lineSubtotal;
    cells[columns.length - 1] = ctx.money(phoneLine.amount);
    items.push({ row: { cells, bold: true } });
  }
  layout.table(columns, items, ctx.labels.continued);
}

/** The enterprise layout's cost-centre table: phone lines and net amount per cost centre, then the service charges. */
export function drawCostCentreSummary(layout: PdfLayout, ctx: PrintContext): void {
  const { doc, layoutLabels: words } = ctx;
  if (doc.costCentres.length === 0) return;
  const columns: Column[] = [
    { label: words.costCentreColumn, width: layout.width - 170, wrap: true },
    { label: words.phoneLinesColumn, width: 70, align: 'right' },
    { label: words.netAmountColumn, width: 100, align: 'right' },
  ];
  layout.heading(words.costCentreSummary);
  const items: TableItem[] = doc.costCentres.map((c) => ({ row: { cells: [c.costCentre ?? words.noCostCentre, String(c.phoneLines), ctx.money(c.amount)] } }));
  layout.table(columns, [...items, serviceChargesRow(ctx, columns.length)], ctx.labels.continued, 9);
}

/** The enterprise layout's per-line table: each phone line with its name, cost centre and net amount. */
export function drawLineSummary(layout: PdfLayout, ctx: PrintContext): void {
  const { doc, layoutLabels: words } = ctx;
  if (doc.phoneLines.length === 0) return;
  const columns: Column[] = [
    { label: words.lineColumn, width: 105 },
    { label: words.nameColumn, width: layout.width - 345, wrap: true },
    { label: words.costCentreColumn, width: 110, wrap: true },
    { label: words.chargesColumn, width: 45, align: 'right' },
    { label: words.netAmountColumn, width: 85, align: 'right' },
  ];
  layout.heading(words.lineSummary);
  const items: TableItem[] = doc.phoneLines.map((p) => ({
    row: { cells: [lineName(ctx, p.msisdn), p.label ?? '', p.subscriptionId === null ? '' : (p.costCentre ?? words.noCostCentre), String(p.charges), ctx.money(p.amount)] },
  }));
  layout.table(columns, [...items, serviceChargesRow(ctx, columns.length)], ctx.labels.continued);
}
