import type { PostalAddress } from '../invoice.types.ts';
import { fillLabel } from './invoice-labels.ts';
import { BOLD, GREY, REGULAR, type PdfLayout } from './pdf-layout.ts';
import { describePeriod, type PrintContext } from './print-context.ts';
import { creditorReferenceOf, formatCreditorReference } from '../../payments/creditor-reference.ts';

// Countries that write "City, REGION POSTCODE" and those that put the postcode on its own line;
// elsewhere (most of Europe) the postcode precedes the city.
const CITY_REGION_POSTCODE = new Set(['US', 'CA', 'AU']);
const POSTCODE_BELOW = new Set(['GB', 'IE']);

function addressLines(address: PostalAddress, withCountry: boolean): string[] {
  const { city, postcode, region, country } = address;
  let place: string[];
  if (CITY_REGION_POSTCODE.has(country)) place = [`${city}, ${[region, postcode].filter(Boolean).join(' ')}`];
  else if (POSTCODE_BELOW.has(country)) place = [city, ...(region ? [region] : []), postcode];
  else place = [[postcode, city].filter(Boolean).join(' '), ...(region ? [region] : [])];
  return [...address.lines, ...place.filter(Boolean), ...(withCountry ? [country] : [])];
}

// A domestic bill needs no country line; a cross-border one needs it on both addresses.
function crossBorder(ctx: PrintContext): boolean {
  return ctx.doc.seller.address.country !== ctx.doc.buyer.address.country;
}

/** Draws the seller, the document's identity (kind, number, dates, period) and the buyer's address. */
export function drawInvoiceHeader(layout: PdfLayout, ctx: PrintContext): void {
  const { doc, labels } = ctx;
  const top = layout.y;

  let left = top;
  layout.textAt(doc.seller.name, layout.left, left, { font: BOLD, size: 13 });
  left += layout.s(17);
  const sellerLines = [
    ...addressLines(doc.seller.address, crossBorder(ctx)),
    ...(doc.seller.vatId ? [`${labels.vatId}: ${doc.seller.vatId}`] : []),
    ...(doc.seller.companyId ? [`${labels.companyId}: ${doc.seller.companyId}`] : []),
    ...[doc.seller.email, doc.seller.phone].filter((v): v is string => Boolean(v)),
  ];
  for (const text of sellerLines) {
    layout.textAt(text, layout.left, left, { size: 8.5, color: GREY });
    left += layout.s(10.5);
  }

  let right = top;
  layout.textAt(ctx.title, layout.right, right, { font: BOLD, size: 18 }, true);
  right += layout.s(24);
  const facts: Array<[string, string | null]> = [
    [labels.number, doc.number],
    [labels.issueDate, doc.issueDate && ctx.date(doc.issueDate)],
    [labels.dueDate, doc.dueDate && ctx.date(doc.dueDate)],
    [labels.period, describePeriod(ctx)],
    [labels.account, doc.buyer.accountId],
    [labels.customer, doc.buyer.customerId],
  ];
  for (const [label, value] of facts) {
    if (!value) continue;
    layout.textAt(`${label}: ${value}`, layout.right, right, { size: 8.5 }, true);
    right += layout.s(11);
  }

  layout.y = Math.max(left, right) + layout.s(12);
  drawStatus(layout, ctx);
  drawBuyer(layout, ctx);
  if (doc.correcting) {
    const { number, issueDate, reason } = doc.correcting;
    layout.paragraph(fillLabel(labels.corrects, { number, date: ctx.date(issueDate), reason }), { font: BOLD, size: 9 });
  }
}

function drawStatus(layout: PdfLayout, ctx: PrintContext): void {
  const { status } = ctx.doc;
  // A draft or held invoice must never be mistaken for a bill; a void one for a live one.
  const banner = status === 'draft' || status === 'held' ? ctx.labels.draft : status === 'void' ? ctx.labels.void : null;
  if (!banner) return;
  layout.textAt(banner, layout.left, layout.y, { font: BOLD, size: 12, color: '#b00020' });
  layout.y += layout.s(20);
}

function drawBuyer(layout: PdfLayout, ctx: PrintContext): void {
  const { buyer } = ctx.doc;
  layout.textAt(ctx.labels.billTo, layout.left, layout.y, { size: 7.5, color: GREY });
  layout.y += layout.s(10);
  layout.textAt(buyer.name, layout.left, layout.y, { font: BOLD, size: 10 });
  layout.y += layout.s(13);
  const lines = [...addressLines(buyer.address, crossBorder(ctx)), ...(ctx.business && buyer.vatId ? [`${ctx.labels.vatId}: ${buyer.vatId}`] : [])];
  for (const text of lines) {
    layout.textAt(text, layout.left, layout.y, { size: 9 });
    layout.y += layout.s(11);
  }
  layout.y += layout.s(8);
}

/**
 * Draws the summary box: the operator's charges, then taxes and fees, the total and when it is due.
 * Every figure is a document field; a split the document does not carry is not computed here.
 */
export function drawInvoiceSummary(layout: PdfLayout, ctx: PrintContext): void {
  const { doc, labels } = ctx;
  // The household layouts read the friendly way: bigger figures, "Your bill for March".
  const consumer = ctx.layout !== 'enterprise';
  const size = consumer ? 10.5 : 9;
  const totalSize = consumer ? 14 : 11;
  // When operator surcharges sit among the tax lines, the tax total is no longer "government only".
  const onlyGovernment = doc.taxes.every((t) => t.governmentMandated);
  const taxLabel = onlyGovernment ? labels.governmentCharges : labels.taxesAndSurcharges;
  const totalLabel = doc.kind === 'credit_note' ? labels.totalCredited : labels.totalDue;
  const rows: Array<[string, string]> = [
    [labels.serviceCharges, ctx.money(doc.subtotal)],
    [taxLabel, ctx.money(doc.taxTotal)],
  ];
  const dueLine = doc.dueDate && doc.kind !== 'credit_note' ? fillLabel(labels.payBy, { date: ctx.date(doc.dueDate) }) : null;

  layout.y += layout.s(6);
  const heading = consumer && doc.kind === 'invoice' ? fillLabel(labels.yourBill, { period: ctx.periodLabel }) : labels.summary;
  layout.ensure(layout.s(150));
  layout.textAt(heading, layout.left, layout.y, { font: BOLD, size: consumer ? 13 : 11 });
  layout.y += layout.s(consumer ? 19 : 16);

  const pad = layout.s(8);
  const height = pad * 2 + layout.s(rows.length * (size + 6) + totalSize + 8 + (dueLine ? size + 6 : 0));
  layout.pdf.save().rect(layout.left, layout.y, layout.width, height).fill('#f1f3f5').restore();
  let y = layout.y + pad;
  for (const [label, value] of rows) {
    layout.textAt(label, layout.left + pad, y, { size });
    layout.textAt(value, layout.right - pad, y, { size }, true);
    y += layout.s(size + 6);
  }
  y += layout.s(2);
  layout.textAt(totalLabel, layout.left + pad, y, { font: BOLD, size: totalSize });
  layout.textAt(ctx.money(doc.total), layout.right - pad, y, { font: BOLD, size: totalSize }, true);
  y += layout.s(totalSize + 6);
  if (dueLine) layout.textAt(dueLine, layout.left + pad, y, { font: REGULAR, size });
  layout.y += height + layout.s(8);

  if (doc.seller.iban && doc.kind !== 'credit_note') {
    // The ISO 11649 creditor reference lets the bank statement name the invoice exactly (docs/payments.md).
    const rf = doc.number ? creditorReferenceOf(doc.number) : null;
    const reference = rf ? formatCreditorReference(rf) : (doc.number ?? doc.buyer.accountId);
    layout.paragraph(fillLabel(labels.payment, { iban: doc.seller.iban, reference }), { size: 8.5 });
  }
  if (consumer) {
    const contact = [doc.seller.email, doc.seller.phone].filter(Boolean).join(' · ');
    if (contact) layout.paragraph(`${labels.contact} ${contact}`, { size: 8.5, color: GREY });
  }
}
