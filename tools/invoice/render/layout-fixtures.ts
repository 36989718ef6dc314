import type { AnnexEvent } from '../build-call-annex.ts';
import type { InvoiceDocument, InvoiceLine } from '../invoice.types.ts';
import { consumerInvoiceGbp } from './fixtures.ts';

/**
 * Invoice documents for the layout tests, amounts worked out by hand in the comments (like
 * fixtures.ts): a family with named lines and the events behind its usage, and an enterprise
 * account of any number of lines with cost centres. Fresh objects each call.
 */

const MARCH = { from: '2025-03-01', to: '2025-04-01' };
const at = (day: number, hour: number, minute: number) => Date.parse(`2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);

/** The events of the family invoice's two lines (ids 101-108), as the store would hand them over. */
export function familyEvents(): AnnexEvent[] {
  return [
    // +447700900123: three international calls, 1.25 each = 3.75 (line L3); a national call an allowance covered
    { id: 101, subscriber: '447700900123', service: 'voice', direction: 'outbound', otherParty: '+33142685300', startTime: at(3, 9, 15), usage: 2_520_000 },
    { id: 102, subscriber: '447700900123', service: 'voice', direction: 'outbound', otherParty: '+4930123456', startTime: at(11, 18, 2), usage: 2_520_000 },
    { id: 103, subscriber: '447700900123', service: 'voice', direction: 'outbound', otherParty: '+12125550199', startTime: at(20, 21, 40), usage: 2_460_000 },
    { id: 104, subscriber: '447700900123', service: 'voice', direction: 'outbound', otherParty: '+441614960000', startTime: at(4, 12, 0), usage: 95_000 },
    { id: 105, subscriber: '447700900123', service: 'voice', direction: 'inbound', otherParty: '+447700900999', startTime: at(5, 8, 30), usage: 61_000 },
    // +447700900456: two roaming data sessions, 1.05 each = 2.10 (line L4); a text an allowance covered
    { id: 106, subscriber: '+447700900456', service: 'data', direction: 'outbound', otherParty: '', startTime: at(14, 10, 0), usage: 110_100_480 },
    { id: 107, subscriber: '+447700900456', service: 'data', direction: 'outbound', otherParty: '', startTime: at(15, 10, 0), usage: 110_100_480 },
    { id: 108, subscriber: '+447700900456', service: 'sms', direction: 'outbound', otherParty: '+447700900123', startTime: at(2, 7, 5), usage: 1 },
  ];
}

/**
 * The consumer GBP invoice as a family's: its two lines named (one name full of characters that
 * need escaping), its usage lines carrying the events above, the promotion repeating line L3's
 * events as promotions do. Per line: sub-1 15.00 + 3.75 - 2.50 = 16.25; sub-2 10.00 + 2.10 = 12.10;
 * account 5.00 - 1.00 - 0.35 = 3.65; together 32.00, the subtotal.
 */
export function familyInvoiceGbp(): InvoiceDocument {
  const doc = consumerInvoiceGbp();
  const ev = (id: number, charged: string, covered = 0) => ({ id, rated: charged, charged, covered, allowanceId: covered ? 'national-minutes' : null });
  // The national call an allowance covered is on the usage line too, charged nothing.
  const l3Events = [ev(101, '1.25'), ev(102, '1.25'), ev(103, '1.25'), { ...ev(104, '0', 95_000), rated: '0.19' }];
  const withEvents = (l: InvoiceLine): InvoiceLine => {
    if (l.id === 'L3') return { ...l, provenance: { ...l.provenance, usageEvents: l3Events } };
    if (l.id === 'L4') return { ...l, provenance: { ...l.provenance, usageEvents: [ev(106, '1.05'), ev(107, '1.05')] } };
    if (l.id === 'L6') return { ...l, provenance: { ...l.provenance, usageEvents: l3Events } };
    return l;
  };
  return {
    ...doc,
    buyer: { ...doc.buyer, name: 'The Morgan family' },
    lines: doc.lines.map(withEvents),
    phoneLines: [
      { subscriptionId: 'sub-1', msisdn: '+447700900123', label: "Anna's phone", costCentre: null, charges: 3, amount: '16.25' },
      { subscriptionId: 'sub-2', msisdn: '+447700900456', label: 'Tom (school) <b>"tablet"</b> & Łódź 東京', costCentre: null, charges: 2, amount: '12.10' },
      { subscriptionId: null, msisdn: null, label: null, costCentre: null, charges: 3, amount: '3.65' },
    ],
    costCentres: [{ costCentre: null, phoneLines: 2, amount: '32.00' }],
  };
}

const COST_CENTRES = ['Field service', 'Head office / Finance', 'Sales & Marketing'] as const;

const fromCents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/**
 * An enterprise account of `count` lines (a multiple of 15), cost centres taken in turn. Each line:
 * a 12.00 plan and 1.37 of calls = 13.37, so subtotal = 13.37 x count, VAT 20% of it, and each
 * cost centre carries a third of the lines (13.37 x count / 3). For 300 lines: 4,011.00 + 802.20
 * = 4,813.20, and 1,337.00 per cost centre.
 */
export function enterpriseInvoiceGbp(count = 300): InvoiceDocument {
  if (count % 15 !== 0) throw new Error('an enterprise fixture has a multiple of 15 lines (3 cost centres, 20% VAT in whole cents)');
  const base = consumerInvoiceGbp();
  const s20 = { code: 'S', ratePercent: '20' };
  const template = base.lines[0] as InvoiceLine;
  const lines: InvoiceLine[] = [];
  const phoneLines: InvoiceDocument['phoneLines'] = [];
  for (let n = 0; n < count; n++) {
    const sub = { subscriptionId: `ent-${n}`, msisdn: `+44770090${String(n).padStart(4, '0')}` };
    const costCentre = COST_CENTRES[n % 3] as string;
    lines.push({
      ...template,
      id: `EP${n}`,
      section: 'plans',
      description: 'Business Unlimited',
      amount: '12.00',
      unitPrice: '12.00',
      taxCategory: s20,
      provenance: { ...template.provenance, calculation: '12.00 x 1 month' },
      ...sub,
    });
    lines.push({
      ...template,
      id: `EU${n}`,
      section: 'usage',
      description: 'Calls to international numbers',
      quantity: '13.7',
      unitCode: 'MIN',
      unit: 'min',
      unitPrice: '0.10',
      amount: '1.37',
      taxCategory: s20,
      provenance: { ...template.provenance, calculation: '13.7 min x 0.10' },
      ...sub,
    });
    phoneLines.push({ ...sub, label: n % 10 === 0 ? `Van ${n}` : null, costCentre, charges: 2, amount: '13.37' });
  }
  // Whole cents (integers), written out as decimal strings: no float touches an amount.
  const cents = 1337 * count;
  const vatCents = cents / 5;
  return {
    ...base,
    number: 'INV-2025-000777',
    buyer: { ...base.buyer, name: 'Northwind Haulage plc', segment: 'enterprise', business: true, vatId: 'GB987654321', customerId: 'CUS-900', accountId: 'ACC-9000' },
    lines,
    taxes: [{ ...(base.taxes[0] as InvoiceDocument['taxes'][number]), base: fromCents(cents), amount: fromCents(vatCents), lineIds: lines.map((l) => l.id) }],
    usageSummary: [{ service: 'voice', category: 'International calls', events: count * 3, quantity: fromCents(1370 * count), unit: 'min', included: '0', amount: fromCents(137 * count) }],
    recommendations: [],
    subtotal: fromCents(cents),
    taxTotal: fromCents(vatCents),
    total: fromCents(cents + vatCents),
    phoneLines,
    costCentres: COST_CENTRES.map((costCentre) => ({ costCentre, phoneLines: count / 3, amount: fromCents(cents / 3) })),
    period: { label: 'March 2025', ...MARCH },
  };
}
