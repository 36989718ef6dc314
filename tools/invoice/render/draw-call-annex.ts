import type { CallAnnex } from '../build-call-annex.ts';
import { phoneLineTitle } from './draw-invoice-charges.ts';
import { fillLabel } from './invoice-labels.ts';
import { GREY, type Column, type PdfLayout, type TableItem } from './pdf-layout.ts';
import type { PrintContext } from './print-context.ts';

/**
 * Draws the itemised call annex on its own pages: every call, message and data session of the
 * period, phone line by phone line, with its local time, the number, the duration or volume and
 * what the invoice charges for it. The numbers called are data and printed as such.
 */
export function drawCallAnnex(layout: PdfLayout, ctx: PrintContext, annex: CallAnnex): void {
  const { layoutLabels: words } = ctx;
  layout.newPage();
  layout.heading(words.annexTitle, 13);
  layout.paragraph(fillLabel(words.annexIntro, { timezone: annex.timezone }), { size: 8, color: GREY });
  if (annex.rows.length === 0) {
    layout.paragraph(words.annexEmpty, { size: 9 });
    return;
  }
  const columns: Column[] = [
    { label: words.dateTimeColumn, width: 110 },
    { label: words.numberColumn, width: layout.width - 335 },
    { label: words.serviceColumn, width: 60 },
    { label: words.usageColumn, width: 85, align: 'right' },
    { label: words.amountColumn, width: 80, align: 'right' },
  ];
  const names = new Map(ctx.doc.phoneLines.map((p) => [p.msisdn, p.label]));
  const items: TableItem[] = [];
  let current: string | null = null;
  for (const row of annex.rows) {
    if (row.msisdn !== current) {
      current = row.msisdn;
      items.push({ group: phoneLineTitle(ctx, row.msisdn, names.get(row.msisdn) ?? null) });
    }
    const number = row.otherParty ? (row.received ? fillLabel(words.received, { number: row.otherParty }) : row.otherParty) : '-';
    const amount = row.included ? words.includedAmount : ctx.money(row.amount);
    items.push({ row: { cells: [row.at, number, words.annexServices[row.service], row.usage, amount] } });
  }
  layout.table(columns, items, ctx.labels.continued, 8);
}
