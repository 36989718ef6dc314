import type { AccountHolder, PaymentFact, PaymentFraudLabel, RefundRequest } from '../../tools/payment-fraud/index.ts';
import { addDays } from '../../tools/time/index.ts';
import { Random } from './random.ts';

/** How many cases of each payment-fraud pattern to inject (0 for a clean history). */
export interface PaymentFraudInjection {
  shared_instrument: number;
  repeated_return: number;
  refund_destination: number;
  payer_name: number;
}

export interface PaymentFraudHistoryOptions {
  seed: number;
  customers: number;
  /** Months of monthly payments from `start`. */
  months: number;
  start: string;
  inject?: PaymentFraudInjection;
}

/** A generated payment history: payments, who holds each account, refund requests, and the labels of what was injected. */
export interface PaymentFraudHistory {
  payments: PaymentFact[];
  holders: Map<string, AccountHolder>;
  refunds: RefundRequest[];
  labels: PaymentFraudLabel[];
  accounts: number;
}

const FIRST = ['Chidi', 'Ava', 'José', 'Zoë', 'Łukasz', 'Siobhán', 'Noah', 'Amélie', 'Björn', 'Priya', 'Oliver', 'Fatima', 'Mateo', 'Ingrid', 'Yusuf', 'Chloé', 'Kenji', 'Aoife', 'Leon', 'Maja'];
const LAST = [
  'Brown',
  'Taylor',
  'García',
  'Müller',
  'Nowak',
  "O'Brien",
  'Okafor',
  'Lefèvre',
  'Andersson',
  'Sharma',
  'Grant',
  'Haddad',
  'Rossi',
  'Johansen',
  'Demir',
  'Dubois',
  'Tanaka',
  'Murphy',
  'Schmidt',
  'Kowalska',
  'Nguyen',
  'Silva',
  'Papadopoulos',
  'Jensen',
];

/** A valid GB IBAN (NWBK) from a number: check digits by ISO 7064 mod 97-10. */
export function gbIban(n: number): string {
  const bban = `NWBK${String(600000 + (n % 400000)).padStart(6, '0')}${String(10000000 + n).slice(-8)}`;
  const digits = `${bban}GB00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return `GB${String(98 - rest).padStart(2, '0')}${bban}`;
}

const strip = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/Ł/g, 'L').replace(/ł/g, 'l');
const money = (rng: Random, lo: number, hi: number) => `${rng.int(lo, hi)}.${String(rng.int(0, 99)).padStart(2, '0')}`;

/** How a bank writes a customer's own name: as given, upper case, surname first, initials, no accents, a title, a typo, a spouse. */
function payerVariant(rng: Random, first: string, last: string): string {
  const r = rng.float();
  if (r < 0.4) return `${first} ${last}`;
  if (r < 0.6) return `${first} ${last}`.toUpperCase();
  if (r < 0.75) return `${last} ${first}`.toUpperCase();
  if (r < 0.85) return `${first[0]}. ${last}`;
  if (r < 0.9) return strip(`${first} ${last}`);
  if (r < 0.95) return `${rng.pick(['Mr', 'Ms', 'Mrs', 'Dr'])} ${first} ${last}`;
  if (r < 0.98) {
    const i = rng.int(1, last.length - 2);
    return `${first} ${last.slice(0, i)}${last[i + 1]}${last[i]}${last.slice(i + 2)}`;
  }
  return `${rng.pick(FIRST.filter((f) => f !== first))} ${last}`;
}

/**
 * A seeded history of monthly payments (bank transfers and card payments; a few returns,
 * overpayments and refunds to the paying IBAN, as clean business has them), with payment fraud
 * of each pattern injected and labelled when `inject` says so (docs/payment-fraud.md).
 */
export function generatePaymentFraudHistory(o: PaymentFraudHistoryOptions): PaymentFraudHistory {
  const rng = new Random(o.seed);
  const payments: PaymentFact[] = [];
  const refunds: RefundRequest[] = [];
  const labels: PaymentFraudLabel[] = [];
  const holders = new Map<string, AccountHolder>();
  let id = 0;
  let ibanNo = 1;
  let proposalId = 0;
  const accounts: { id: string; first: string; last: string; iban: string | null; token: string | null }[] = [];
  for (let c = 1; c <= o.customers; c++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const customerId = `C${c}`;
    const card = rng.chance(0.15);
    const iban = card ? null : gbIban(ibanNo++);
    const token = card ? `tok_${rng.hex(12)}` : null;
    for (let k = 0; k < (rng.chance(0.1) ? 2 : 1); k++) {
      const accountId = `A${c}${k ? 'b' : ''}`;
      holders.set(accountId, { customerId, customerName: `${first} ${last}` });
      accounts.push({ id: accountId, first, last, iban, token });
    }
  }
  const pay = (p: Partial<PaymentFact> & Pick<PaymentFact, 'bookingDate' | 'accountId'>): PaymentFact => {
    const row: PaymentFact = {
      id: ++id,
      kind: 'payment',
      state: 'matched',
      importId: 1,
      amount: '30.00',
      currency: 'GBP',
      payerName: null,
      payerIban: null,
      payerToken: null,
      remittance: null,
      unallocated: '0.00',
      returnOf: null,
      returnReason: null,
      ...p,
    };
    payments.push(row);
    return row;
  };
  const sendBack = (p: PaymentFact, afterDays: number, reason: string) =>
    pay({
      kind: p.payerToken ? 'chargeback' : 'return',
      state: 'returned',
      accountId: p.accountId,
      bookingDate: addDays(p.bookingDate, afterDays),
      amount: p.amount,
      payerName: p.payerName,
      payerIban: p.payerIban,
      payerToken: p.payerToken,
      returnOf: p.id,
      returnReason: reason,
    });
  const monthStart = (m: number) => addDays(o.start, m * 30);
  // Clean business.
  for (const a of accounts) {
    for (let m = 0; m < o.months; m++) {
      const amount = money(rng, 10, 80);
      const over = rng.chance(0.03);
      const p = pay({
        accountId: a.id,
        bookingDate: addDays(monthStart(m), rng.int(0, 27)),
        amount,
        payerName: payerVariant(rng, a.first, a.last),
        payerIban: a.iban,
        payerToken: a.token,
        unallocated: over ? money(rng, 5, 30) : '0.00',
        remittance: `INV ${a.id}-${m}`,
      });
      if (rng.chance(0.02)) sendBack(p, rng.int(2, 6), p.payerToken ? '4837' : 'MD06');
      if (over && a.iban && rng.chance(0.3))
        refunds.push({
          proposalId: ++proposalId,
          accountId: a.id,
          amount: p.unallocated,
          currency: 'GBP',
          iban: a.iban,
          name: `${a.first} ${a.last}`,
          requestedOn: addDays(p.bookingDate, rng.int(3, 20)),
        });
    }
  }
  const inj = o.inject;
  if (!inj) return { payments, holders, refunds, labels, accounts: accounts.length };
  const victims = [...accounts].sort(() => rng.float() - 0.5);
  const take = () => victims.pop()!;
  const stranger = (not: string) => {
    let n = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    while (n.endsWith(not)) n = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    return n;
  };
  for (let i = 0; i < inj.shared_instrument; i++) {
    const mule = rng.chance(0.5) ? gbIban(900000 + i) : null;
    const token = mule ? null : `tok_mule${rng.hex(8)}`;
    const start = addDays(o.start, rng.int(0, o.months * 30 - 25));
    const paid: string[] = [];
    const seen = new Set<string>();
    while (paid.length < rng.int(3, 6)) {
      const a = take();
      if (seen.has(holders.get(a.id)!.customerId)) continue;
      seen.add(holders.get(a.id)!.customerId);
      paid.push(a.id);
      pay({ accountId: a.id, bookingDate: addDays(start, rng.int(0, 20)), amount: money(rng, 20, 90), payerName: stranger(a.last), payerIban: mule, payerToken: token });
    }
    labels.push({ pattern: 'shared_instrument', subjectKind: 'payer', subject: mule ?? `card:${token}`, related: paid.map((s) => ({ subjectKind: 'account' as const, subject: s })) });
  }
  for (let i = 0; i < inj.repeated_return; i++) {
    const a = take();
    const from = rng.int(0, Math.max(0, o.months - 3));
    const n = rng.int(3, 5);
    for (const p of payments.filter((x) => x.accountId === a.id && x.kind === 'payment').slice(from, from + n)) sendBack(p, rng.int(3, 10), p.payerToken ? '4837' : 'AC06');
    labels.push({ pattern: 'repeated_return', subjectKind: 'account', subject: a.id });
  }
  for (let i = 0; i < inj.refund_destination; i++) {
    let a = take();
    while (!a.iban) a = take();
    const p = pay({
      accountId: a.id,
      bookingDate: addDays(o.start, rng.int(10, o.months * 30 - 20)),
      amount: money(rng, 90, 400),
      payerName: `${a.first} ${a.last}`,
      payerIban: a.iban,
      unallocated: money(rng, 50, 300),
    });
    refunds.push({
      proposalId: ++proposalId,
      accountId: a.id,
      amount: p.unallocated,
      currency: 'GBP',
      iban: gbIban(800000 + i),
      name: rng.chance(0.5) ? `${a.first} ${a.last}` : stranger(a.last),
      requestedOn: addDays(p.bookingDate, rng.int(1, 10)),
    });
    labels.push({ pattern: 'refund_destination', subjectKind: 'account', subject: a.id });
  }
  for (let i = 0; i < inj.payer_name; i++) {
    const a = take();
    const name = stranger(a.last);
    const iban = gbIban(700000 + i);
    for (let k = 0; k < rng.int(1, 3); k++) pay({ accountId: a.id, bookingDate: addDays(o.start, rng.int(0, o.months * 30 - 1)), amount: money(rng, 10, 80), payerName: name, payerIban: iban });
    labels.push({ pattern: 'payer_name', subjectKind: 'account', subject: a.id });
  }
  return { payments, holders, refunds, labels, accounts: accounts.length };
}
