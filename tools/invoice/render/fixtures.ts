import type { InvoiceDocument, InvoiceLine, Seller } from '../invoice.types.ts';
import type { TaxLine } from '../../tax/tax.types.ts';

/**
 * Invoice documents for the renderer tests, amounts worked out by hand (the arithmetic is in the
 * comments; fixtures.test.ts re-checks every sum). Each builder returns a fresh object, so a test
 * may mutate what it gets.
 */

const MARCH = { label: 'March 2025', from: '2025-03-01', to: '2025-04-01' };

const NO_PROVENANCE = { catalogItems: [], usageEvents: [], tariffRows: [], calculation: '' };

type LineInput = Pick<InvoiceLine, 'id' | 'section' | 'description' | 'amount'> & Partial<InvoiceLine>;

function line(input: LineInput, vat: InvoiceLine['taxCategory']): InvoiceLine {
  return {
    subscriptionId: null,
    msisdn: null,
    quantity: '1',
    unitCode: 'C62',
    unit: 'item',
    unitPrice: input.amount,
    taxClass: 'telecom',
    taxCategory: vat,
    servicePeriod: { from: MARCH.from, to: MARCH.to },
    provenance: { ...NO_PROVENANCE, calculation: `${input.amount} as agreed` },
    ...input,
  };
}

function vatLine(partial: Pick<TaxLine, 'taxId' | 'name' | 'jurisdiction' | 'ratePercent' | 'base' | 'amount' | 'categoryCode' | 'lineIds'> & Partial<TaxLine>): TaxLine {
  return {
    packId: 'test-pack',
    kind: 'percentage',
    feePerLine: null,
    servicePeriod: { from: MARCH.from, to: MARCH.to },
    governmentMandated: true,
    source: 'test fixture',
    ...partial,
  };
}

const UK_SELLER: Seller = {
  name: 'Switchboard Mobile Ltd',
  address: { lines: ['1 Exchange Square'], city: 'London', postcode: 'EC2A 2BR', region: null, country: 'GB' },
  vatId: 'GB123456789',
  companyId: '01234567',
  email: 'billing@switchboard.example',
  phone: '+44 20 7946 0000',
  iban: 'GB33BUKB20201555555555',
};

/** A consumer in GBP with 20% VAT: two phone lines, every section, usage summary and a recommendation. */
export function consumerInvoiceGbp(): InvoiceDocument {
  const s20 = { code: 'S', ratePercent: '20' };
  const a = { subscriptionId: 'sub-1', msisdn: '+447700900123' };
  const b = { subscriptionId: 'sub-2', msisdn: '+447700900456' };
  const lines = [
    line({ id: 'L1', section: 'plans', description: 'Unlimited Talk 15GB', amount: '15.00', unitCode: 'MON', unit: 'month', ...a }, s20),
    line({ id: 'L2', section: 'plans', description: 'SIM Only 5GB', amount: '10.00', unitCode: 'MON', unit: 'month', ...b }, s20),
    // 125 min x 0.03 = 3.75
    line(
      {
        id: 'L3',
        section: 'usage',
        description: 'Calls to international numbers',
        quantity: '125',
        unitCode: 'MIN',
        unit: 'min',
        unitPrice: '0.03',
        amount: '3.75',
        taxClass: 'telecom_international',
        ...a,
      },
      s20,
    ),
    line({ id: 'L4', section: 'usage', description: 'Roaming data in the USA', quantity: '210', unitCode: '4L', unit: 'MB', unitPrice: null, amount: '2.10', ...b }, s20),
    line({ id: 'L5', section: 'one_time', description: 'Replacement SIM card', amount: '5.00', taxClass: 'equipment', servicePeriod: { from: '2025-03-12', to: '2025-03-13' } }, s20),
    line({ id: 'L6', section: 'promotions', description: 'Spring offer: 2.50 off Unlimited Talk', amount: '-2.50', ...a }, s20),
    line({ id: 'L7', section: 'discounts', description: 'Loyalty discount', amount: '-1.00' }, s20),
    line({ id: 'L8', section: 'adjustments', description: 'Goodwill credit for the network outage on 12 March', amount: '-0.35' }, s20),
  ];
  return {
    kind: 'invoice',
    number: 'INV-2025-000123',
    series: 'INV',
    status: 'issued',
    holdReasons: [],
    issueDate: '2025-04-01',
    dueDate: '2025-04-15',
    period: { ...MARCH },
    currency: 'GBP',
    language: 'en',
    seller: structuredClone(UK_SELLER),
    buyer: {
      accountId: 'ACC-1001',
      customerId: 'CUS-501',
      name: 'Alex Morgan',
      vatId: null,
      email: 'alex@example.com',
      segment: 'consumer',
      business: false,
      address: { lines: ['12 Acacia Avenue', 'Flat 3'], city: 'Manchester', postcode: 'M1 1AA', region: null, country: 'GB' },
    },
    lines,
    // 15.00 + 10.00 + 3.75 + 2.10 + 5.00 - 2.50 - 1.00 - 0.35 = 32.00; 20% of it = 6.40
    taxes: [vatLine({ taxId: 'UK-VAT-STANDARD', name: 'VAT', jurisdiction: 'GB', ratePercent: '20', base: '32.00', amount: '6.40', categoryCode: 'S', lineIds: lines.map((l) => l.id) })],
    taxNotes: [],
    usageSummary: [
      { service: 'voice', category: 'National calls', events: 41, quantity: '340', unit: 'min', included: '340', amount: '0.00' },
      { service: 'voice', category: 'International calls', events: 9, quantity: '125', unit: 'min', included: '0', amount: '3.75' },
      { service: 'sms', category: 'Texts', events: 52, quantity: '52', unit: 'SMS', included: '52', amount: '0.00' },
      { service: 'data', category: 'Data in the UK', events: 310, quantity: '8450.5', unit: 'MB', included: '8450.5', amount: '0.00' },
      { service: 'data', category: 'Roaming data', events: 12, quantity: '210', unit: 'MB', included: '0', amount: '2.10' },
    ],
    // Line A cost 15.00 + 3.75 - 2.50 = 16.25; World 20GB would have cost 14.00
    recommendations: [{ subscriptionId: 'sub-1', currentPlanId: 'plan-unl-15', planId: 'plan-world-20', planName: 'World 20GB', currentAmount: '16.25', alternativeAmount: '14.00', saving: '2.25' }],
    messages: [],
    subtotal: '32.00',
    taxTotal: '6.40',
    total: '38.40',
    correcting: null,
    // Stored before layouts: the renderer derives the per-line table from the lines.
    phoneLines: [],
    costCentres: [],
  };
}

/** A German business customer of a Dutch operator: intra-EU reverse charge in EUR, printed in German. */
export function businessReverseChargeEur(): InvoiceDocument {
  const ae = { code: 'AE', ratePercent: '0' };
  const sub = (n: number) => ({ subscriptionId: `sub-de-${n}`, msisdn: `+491511234567${n}` });
  const lines = [
    line({ id: 'B1', section: 'plans', description: 'Business Flat 20 GB', amount: '25.00', unitCode: 'MON', unit: 'Monat', ...sub(1) }, ae),
    line({ id: 'B2', section: 'plans', description: 'Business Flat 20 GB', amount: '25.00', unitCode: 'MON', unit: 'Monat', ...sub(2) }, ae),
    line({ id: 'B3', section: 'plans', description: 'Business Flat 20 GB', amount: '25.00', unitCode: 'MON', unit: 'Monat', ...sub(3) }, ae),
    // 310 min x 0.04 = 12.40
    line(
      {
        id: 'B4',
        section: 'usage',
        description: 'Anrufe ins Ausland',
        quantity: '310',
        unitCode: 'MIN',
        unit: 'Min.',
        unitPrice: '0.04',
        amount: '12.40',
        taxClass: 'telecom_international',
        provenance: { ...NO_PROVENANCE, calculation: '310 min x 0,04 EUR' },
        ...sub(1),
      },
      ae,
    ),
    line({ id: 'B5', section: 'one_time', description: 'Einrichtung Firmenkonto', amount: '1049.00' }, ae),
    line({ id: 'B6', section: 'discounts', description: 'Mengenrabatt ab 3 Anschlüssen', amount: '-10.00' }, ae),
  ];
  return {
    kind: 'invoice',
    number: 'RE-2025-000042',
    series: 'RE',
    status: 'issued',
    holdReasons: [],
    issueDate: '2025-04-01',
    dueDate: '2025-05-01',
    period: { ...MARCH, label: 'März 2025' },
    currency: 'EUR',
    language: 'de',
    seller: {
      name: 'Switchboard Telecom B.V.',
      vatId: 'NL123456789B01',
      companyId: '12345678',
      email: 'facturen@switchboard.example',
      phone: '+31 20 123 4567',
      iban: 'NL91ABNA0417164300',
      address: { lines: ['Stationsplein 1'], city: 'Amsterdam', postcode: '1012 AB', region: null, country: 'NL' },
    },
    buyer: {
      accountId: 'ACC-2002',
      customerId: 'CUS-777',
      name: 'Müller & Söhne Maschinenbau GmbH',
      vatId: 'DE123456789',
      email: 'rechnung@mueller-soehne.example',
      segment: 'business',
      business: true,
      address: { lines: ['Industriestraße 7'], city: 'München', postcode: '80331', region: 'BY', country: 'DE' },
    },
    lines,
    // 3 x 25.00 + 12.40 + 1049.00 - 10.00 = 1126.40, reverse charged: no VAT on the invoice
    taxes: [
      vatLine({
        taxId: 'EU-VAT-REVERSE-CHARGE',
        name: 'Umsatzsteuer (Reverse Charge)',
        jurisdiction: 'DE',
        ratePercent: '0',
        base: '1126.40',
        amount: '0.00',
        categoryCode: 'AE',
        lineIds: lines.map((l) => l.id),
      }),
    ],
    taxNotes: [{ code: 'REVERSE_CHARGE', text: 'Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, Art. 196 MwStSystRL).', categoryCode: 'AE', exemptionReasonCode: 'VATEX-EU-AE' }],
    usageSummary: [{ service: 'voice', category: 'Ausland', events: 23, quantity: '310', unit: 'Min.', included: '0', amount: '12.40' }],
    recommendations: [],
    messages: [],
    subtotal: '1126.40',
    taxTotal: '0.00',
    total: '1126.40',
    correcting: null,
    // Stored before layouts: the renderer derives the per-line table from the lines.
    phoneLines: [],
    costCentres: [],
  };
}

/** A JPY invoice (no minor unit) with 10% consumption tax, in a language Switchboard does not print (ja). */
export function consumerInvoiceJpy(): InvoiceDocument {
  const s10 = { code: 'S', ratePercent: '10' };
  const sub = { subscriptionId: 'sub-jp-1', msisdn: '+819012345678' };
  const lines = [
    line({ id: 'J1', section: 'plans', description: 'Standard plan 20GB', amount: '3980', unitCode: 'MON', unit: 'month', ...sub }, s10),
    line({ id: 'J2', section: 'usage', description: 'Domestic calls', quantity: '61.7', unitCode: 'MIN', unit: 'min', unitPrice: null, amount: '1234', ...sub }, s10),
    line({ id: 'J3', section: 'one_time', description: 'Handset (paid in full)', amount: '12000', taxClass: 'equipment', ...sub }, s10),
  ];
  return {
    ...consumerInvoiceGbp(),
    number: 'JP-2025-000009',
    series: 'JP',
    currency: 'JPY',
    language: 'ja',
    period: { ...MARCH, label: '2025-03' },
    seller: {
      name: 'Switchboard Japan K.K.',
      vatId: 'T1234567890123',
      companyId: null,
      email: null,
      phone: null,
      iban: null,
      address: { lines: ['2-1-1 Marunouchi'], city: 'Chiyoda-ku, Tokyo', postcode: '100-0005', region: null, country: 'JP' },
    },
    buyer: {
      accountId: 'ACC-3003',
      customerId: 'CUS-909',
      name: 'Tanaka Hanako',
      vatId: null,
      email: null,
      segment: 'consumer',
      business: false,
      address: { lines: ['1-2-3 Jingumae'], city: 'Shibuya-ku, Tokyo', postcode: '150-0001', region: null, country: 'JP' },
    },
    lines,
    // 3980 + 1234 + 12000 = 17214; 10% = 1721.4, rounded to 1721
    taxes: [vatLine({ taxId: 'JP-CT-STANDARD', name: 'Consumption tax', jurisdiction: 'JP', ratePercent: '10', base: '17214', amount: '1721', categoryCode: 'S', lineIds: ['J1', 'J2', 'J3'] })],
    usageSummary: [{ service: 'voice', category: 'Domestic calls', events: 30, quantity: '61.7', unit: 'min', included: '0', amount: '1234' }],
    recommendations: [],
    subtotal: '17214',
    taxTotal: '1721',
    total: '18935',
  };
}

/** A credit note correcting the GBP invoice: the credit as negative amounts, as assembly writes notes. */
export function creditNoteGbp(): InvoiceDocument {
  const base = consumerInvoiceGbp();
  const refund = line(
    {
      id: 'C1',
      section: 'adjustments',
      description: 'Refund: roaming data in the USA billed twice',
      quantity: '210',
      unitCode: '4L',
      unit: 'MB',
      unitPrice: null,
      amount: '-2.10',
      subscriptionId: 'sub-2',
      msisdn: '+447700900456',
    },
    { code: 'S', ratePercent: '20' },
  );
  return {
    ...base,
    kind: 'credit_note',
    number: 'CN-2025-000007',
    series: 'CN',
    issueDate: '2025-04-10',
    dueDate: '2025-04-10',
    lines: [refund],
    // 20% of -2.10 = -0.42
    taxes: [vatLine({ taxId: 'UK-VAT-STANDARD', name: 'VAT', jurisdiction: 'GB', ratePercent: '20', base: '-2.10', amount: '-0.42', categoryCode: 'S', lineIds: ['C1'] })],
    usageSummary: [],
    recommendations: [],
    subtotal: '-2.10',
    taxTotal: '-0.42',
    total: '-2.52',
    correcting: { number: 'INV-2025-000123', issueDate: '2025-04-01', reason: 'Roaming data in the USA was billed twice.' },
  };
}

/** A 300-line business invoice: 25 phone lines, each with a plan and 11 usage lines, 19% VAT. */
export function longBusinessInvoiceEur(): InvoiceDocument {
  const s19 = { code: 'S', ratePercent: '19' };
  const lines: InvoiceLine[] = [];
  for (let n = 0; n < 25; n++) {
    const sub = { subscriptionId: `sub-long-${n}`, msisdn: `+4917000000${String(n).padStart(2, '0')}` };
    lines.push(line({ id: `P${n}`, section: 'plans', description: 'Business Mobile S', amount: '10.00', unitCode: 'MON', unit: 'month', ...sub }, s19));
    for (let k = 0; k < 11; k++) {
      // 5 min x 0.10 = 0.50
      lines.push(
        line(
          {
            id: `U${n}-${k}`,
            section: 'usage',
            description: `Calls to +49 30 1234 ${String(k).padStart(4, '0')}`,
            quantity: '5',
            unitCode: 'MIN',
            unit: 'min',
            unitPrice: '0.10',
            amount: '0.50',
            provenance: { ...NO_PROVENANCE, calculation: '5 min x 0.10' },
            ...sub,
          },
          s19,
        ),
      );
    }
  }
  const base = businessReverseChargeEur();
  return {
    ...base,
    number: 'RE-2025-000099',
    language: 'en',
    period: { ...MARCH },
    seller: {
      ...base.seller,
      name: 'Switchboard Deutschland GmbH',
      vatId: 'DE987654321',
      companyId: 'HRB 123456 B',
      iban: 'DE89370400440532013000',
      address: { lines: ['Friedrichstraße 100'], city: 'Berlin', postcode: '10117', region: null, country: 'DE' },
    },
    buyer: { ...base.buyer, name: 'Acme Logistik GmbH', vatId: 'DE111222333' },
    lines,
    // 25 x 10.00 + 275 x 0.50 = 387.50; 19% = 73.625, rounded half-up to 73.63
    taxes: [vatLine({ taxId: 'EU-VAT-DE-STANDARD', name: 'Umsatzsteuer', jurisdiction: 'DE', ratePercent: '19', base: '387.50', amount: '73.63', categoryCode: 'S', lineIds: lines.map((l) => l.id) })],
    taxNotes: [],
    usageSummary: [{ service: 'voice', category: 'National calls', events: 275, quantity: '1375', unit: 'min', included: '0', amount: '137.50' }],
    subtotal: '387.50',
    taxTotal: '73.63',
    total: '461.13',
  };
}

/** A US consumer bill: federal USF and a state 911 fee (government) apart from an operator surcharge. */
export function usConsumerInvoiceUsd(): InvoiceDocument {
  const o = { code: 'O', ratePercent: null };
  const a = { subscriptionId: 'sub-us-1', msisdn: '+14155550101' };
  const b = { subscriptionId: 'sub-us-2', msisdn: '+14155550102' };
  const lines = [
    line({ id: 'A1', section: 'plans', description: 'Unlimited Plus', amount: '40.00', unitCode: 'MON', unit: 'month', ...a }, o),
    line({ id: 'A2', section: 'plans', description: 'Unlimited Plus', amount: '40.00', unitCode: 'MON', unit: 'month', ...b }, o),
    // 20 min x 0.25 = 5.00
    line(
      { id: 'A3', section: 'usage', description: 'International calls', quantity: '20', unitCode: 'MIN', unit: 'min', unitPrice: '0.25', amount: '5.00', taxClass: 'telecom_international', ...a },
      o,
    ),
  ];
  const fee = (taxId: string, name: string, jurisdiction: string, feePerLine: string, amount: string, governmentMandated: boolean): TaxLine =>
    vatLine({ taxId, name, jurisdiction, kind: 'per_line', ratePercent: null, feePerLine, base: '2', amount, categoryCode: 'O', lineIds: [], governmentMandated });
  return {
    ...consumerInvoiceGbp(),
    number: 'US-2025-000311',
    series: 'US',
    currency: 'USD',
    seller: {
      name: 'Switchboard Wireless Inc.',
      vatId: null,
      companyId: null,
      email: 'billing@switchboard.example',
      phone: '+1 415 555 0100',
      iban: null,
      address: { lines: ['500 Market Street'], city: 'San Francisco', postcode: '94105', region: 'CA', country: 'US' },
    },
    buyer: {
      accountId: 'ACC-4004',
      customerId: 'CUS-311',
      name: 'Jordan Lee',
      vatId: null,
      email: null,
      segment: 'consumer',
      business: false,
      address: { lines: ['77 Valencia Street'], city: 'San Francisco', postcode: '94103', region: 'CA', country: 'US' },
    },
    lines,
    taxes: [
      // 36.6% of the 5.00 international usage = 1.83
      vatLine({ taxId: 'US-FUSF', name: 'Federal Universal Service Fund', jurisdiction: 'US', ratePercent: '36.6', base: '5.00', amount: '1.83', categoryCode: 'O', lineIds: ['A3'] }),
      // 2 lines x 0.30 = 0.60; 2 lines x 1.50 = 3.00
      fee('US-CA-911', 'California 911 surcharge', 'US-CA', '0.30', '0.60', true),
      fee('OP-REG-RECOVERY', 'Regulatory cost recovery', 'US', '1.50', '3.00', false),
    ],
    usageSummary: [{ service: 'voice', category: 'International calls', events: 4, quantity: '20', unit: 'min', included: '0', amount: '5.00' }],
    recommendations: [],
    // 40.00 + 40.00 + 5.00 = 85.00; taxes 1.83 + 0.60 + 3.00 = 5.43
    subtotal: '85.00',
    taxTotal: '5.43',
    total: '90.43',
  };
}

/** Every fixture by name, for tests that run over all of them. */
export const ALL_FIXTURES = {
  consumerInvoiceGbp,
  businessReverseChargeEur,
  consumerInvoiceJpy,
  creditNoteGbp,
  longBusinessInvoiceEur,
  usConsumerInvoiceUsd,
} as const;
