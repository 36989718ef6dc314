import { fillLabel } from './invoice-labels.ts';
import type { Column, PdfLayout } from './pdf-layout.ts';
import type { PrintContext } from './print-context.ts';

/** Draws the usage summary table: what was used per service, what allowances covered, what it cost. */
export function drawUsageSummary(layout: PdfLayout, ctx: PrintContext): void {
  const { doc, labels } = ctx;
  if (doc.usageSummary.length === 0) return;
  const columns: Column[] = [
    { label: labels.service, width: 70 },
    { label: labels.category, width: layout.width - 340, wrap: true },
    { label: labels.events, width: 50, align: 'right' },
    { label: labels.used, width: 80, align: 'right' },
    { label: labels.included, width: 70, align: 'right' },
    { label: labels.amount, width: 70, align: 'right' },
  ];
  layout.heading(labels.usageSummary);
  const items = doc.usageSummary.map((row) => ({
    row: {
      cells: [labels.services[row.service], row.category, String(row.events), `${ctx.quantity(row.quantity)} ${row.unit}`, `${ctx.quantity(row.included)} ${row.unit}`, ctx.money(row.amount)],
    },
  }));
  layout.table(columns, items, labels.continued);
}

/** Draws the legal statements the taxes require (reverse charge, exemptions), word for word. */
export function drawTaxNotes(layout: PdfLayout, ctx: PrintContext): void {
  const { doc, labels } = ctx;
  if (doc.taxNotes.length === 0) return;
  layout.heading(labels.taxNotes);
  for (const note of doc.taxNotes) layout.paragraph(note.text, { size: 9 });
}

/** Draws the what-if results: "on plan X this line would have cost Y", as assembly computed them. */
export function drawRecommendations(layout: PdfLayout, ctx: PrintContext): void {
  const { doc, labels } = ctx;
  if (doc.recommendations.length === 0) return;
  layout.heading(labels.recommendations);
  for (const rec of doc.recommendations) {
    const msisdn = doc.lines.find((l) => l.subscriptionId === rec.subscriptionId)?.msisdn;
    const text = fillLabel(labels.recommendation, {
      plan: rec.planName,
      line: msisdn ?? rec.subscriptionId,
      alternative: ctx.money(rec.alternativeAmount),
      current: ctx.money(rec.currentAmount),
      saving: ctx.money(rec.saving),
    });
    layout.paragraph(text, { size: 9 });
  }
}
