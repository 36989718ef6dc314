import { dec } from '../../money/index.ts';
import type { InvoiceDocument, InvoiceLine } from '../invoice.types.ts';
import { lastDayOf } from './format-invoice-values.ts';
import { flipSign, isNegative, isZero, unsigned, type XmlElement } from './ubl-common.ts';

/** How a line's amount is written as quantity x price / base quantity in UBL. */
export interface UblLinePricing {
  quantity: string;
  price: string;
  /** Present when the price is for the whole quantity rather than per unit. */
  baseQuantity: string | null;
}

/**
 * Chooses the quantity and price UBL prints for a line, with the line amount as the exact result.
 * EN 16931 forbids a negative price (BR-27), so a discount carries its sign on the quantity. The
 * unit price is used when quantity x unit price is exactly the amount (a check, not a computed
 * figure); otherwise (usage priced per event, or no unit price) the price is the amount for the
 * whole quantity, written as a base quantity (BT-149), and a zero quantity becomes 1 as the
 * document contract says.
 */
export function priceUblLine(line: InvoiceLine): UblLinePricing {
  const { unitPrice, quantity, amount } = line;
  if (unitPrice !== null && dec(unitPrice).times(quantity).equals(dec(amount))) {
    return { quantity: isNegative(unitPrice) ? flipSign(quantity) : quantity, price: unsigned(unitPrice), baseQuantity: null };
  }
  if (isZero(quantity)) {
    return { quantity: isNegative(amount) ? '-1' : '1', price: unsigned(amount), baseQuantity: null };
  }
  const whole = unsigned(quantity);
  return { quantity: isNegative(amount) ? flipSign(whole) : whole, price: unsigned(amount), baseQuantity: whole };
}

function addClassifiedTaxCategory(item: XmlElement, line: InvoiceLine): void {
  const category = item.ele('cac:ClassifiedTaxCategory');
  category.ele('cbc:ID').txt(line.taxCategory.code);
  // Outside the scope of VAT has no rate at all (BR-O-05).
  if (line.taxCategory.code !== 'O' && line.taxCategory.ratePercent !== null) {
    category.ele('cbc:Percent').txt(line.taxCategory.ratePercent);
  }
  category.ele('cac:TaxScheme').ele('cbc:ID').txt('VAT');
}

/** Adds one InvoiceLine (or CreditNoteLine) per document line, in the document's order (BG-25). */
export function addUblLines(root: XmlElement, doc: InvoiceDocument): void {
  const credit = doc.kind === 'credit_note';
  const costCentres = new Map(doc.phoneLines.map((p) => [p.subscriptionId, p.costCentre]));
  for (const line of doc.lines) {
    const pricing = priceUblLine(line);
    const el = root.ele(credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine');
    el.ele('cbc:ID').txt(line.id);
    el.ele(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', { unitCode: line.unitCode }).txt(pricing.quantity);
    el.ele('cbc:LineExtensionAmount', { currencyID: doc.currency }).txt(line.amount);
    // The buyer's cost centre for the line (BT-133, Invoice line Buyer accounting reference), so their books can post it.
    const costCentre = costCentres.get(line.subscriptionId);
    if (costCentre) el.ele('cbc:AccountingCost').txt(costCentre);
    const period = el.ele('cac:InvoicePeriod');
    period.ele('cbc:StartDate').txt(line.servicePeriod.from);
    period.ele('cbc:EndDate').txt(lastDayOf(line.servicePeriod));

    const item = el.ele('cac:Item');
    item.ele('cbc:Name').txt(line.description);
    const catalogItem = line.provenance.catalogItems[0];
    if (catalogItem) item.ele('cac:SellersItemIdentification').ele('cbc:ID').txt(catalogItem);
    addClassifiedTaxCategory(item, line);
    if (line.msisdn) {
      const property = item.ele('cac:AdditionalItemProperty');
      property.ele('cbc:Name').txt('MSISDN');
      property.ele('cbc:Value').txt(line.msisdn);
    }

    const price = el.ele('cac:Price');
    price.ele('cbc:PriceAmount', { currencyID: doc.currency }).txt(pricing.price);
    if (pricing.baseQuantity !== null) price.ele('cbc:BaseQuantity', { unitCode: line.unitCode }).txt(pricing.baseQuantity);
  }
}
