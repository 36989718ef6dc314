import { describe, expect, it } from 'vitest';
import { dec } from '../../tools/money/index.ts';
import { daysBetween } from '../../tools/time/index.ts';
import { generatePaymentHistory, PAYMENT_PROFILES, type GeneratedPaymentAccount, type PaymentProfile } from './generate-payment-history.ts';

const opts = { seed: 15, accounts: 600, firstMonth: '2024-01', months: 24 };

function lateShare(accounts: GeneratedPaymentAccount[], profile: PaymentProfile): number {
  const invoices = accounts.filter((a) => a.profile === profile).flatMap((a) => a.invoices);
  const bad = invoices.filter((i) => i.settledOn === null || daysBetween(i.dueDate, i.settledOn) > 30).length;
  return bad / invoices.length;
}

describe('generatePaymentHistory', () => {
  const h = generatePaymentHistory(opts);

  it('is deterministic for a seed, and adding accounts leaves the earlier ones as they were', () => {
    expect(generatePaymentHistory(opts)).toEqual(h);
    expect(generatePaymentHistory({ ...opts, seed: 16 })).not.toEqual(h);
    expect(generatePaymentHistory({ ...opts, accounts: 650 }).accounts.slice(0, 600)).toEqual(h.accounts);
    expect(h.until).toBe('2025-12-31');
  });

  it('gives every profile, monthly invoices with due dates after their terms, and tenure before the first invoice', () => {
    for (const p of PAYMENT_PROFILES) expect(h.accounts.some((a) => a.profile === p)).toBe(true);
    for (const a of h.accounts) {
      expect(a.invoices.length).toBeGreaterThanOrEqual(1);
      expect(a.invoices.length).toBeLessThanOrEqual(24);
      expect(a.openedOn < a.invoices[0]!.issueDate).toBe(true);
      for (const inv of a.invoices) {
        expect(daysBetween(inv.issueDate, inv.dueDate)).toBe(a.paymentTermsDays);
        expect(inv.total).toMatch(/^\d+\.\d{2}$/);
      }
      expect(a.invoices.at(-1)!.issueDate).toBe('2025-12-01');
    }
  });

  it('keeps money exact: net payments per invoice never exceed its total and settledOn agrees with them', () => {
    for (const a of h.accounts) {
      const numbers = new Set(a.invoices.map((i) => i.number));
      for (const p of a.payments) {
        expect(numbers.has(p.invoiceNumber)).toBe(true);
        expect(p.amount).toMatch(/^-?\d+\.\d{2}$/);
        expect(p.date <= h.until).toBe(true);
        expect(p.kind === 'payment').toBe(!p.amount.startsWith('-'));
      }
      for (let i = 1; i < a.payments.length; i++) expect(a.payments[i - 1]!.date <= a.payments[i]!.date).toBe(true);
      for (const inv of a.invoices) {
        const net = a.payments.filter((p) => p.invoiceNumber === inv.number).reduce((s, p) => s.plus(dec(p.amount)), dec(0));
        expect(net.lessThanOrEqualTo(dec(inv.total))).toBe(true);
        expect(inv.settledOn !== null).toBe(net.equals(dec(inv.total)));
      }
    }
  });

  it('links each return or chargeback to an earlier payment of the same amount', () => {
    const all = h.accounts.flatMap((a) => a.payments);
    const byId = new Map(all.map((p) => [p.id, p]));
    const reversals = all.filter((p) => p.kind !== 'payment');
    expect(reversals.some((p) => p.kind === 'return')).toBe(true);
    expect(reversals.some((p) => p.kind === 'chargeback')).toBe(true);
    for (const r of reversals) {
      const original = byId.get(r.reverses!)!;
      expect(original.kind).toBe('payment');
      expect(dec(original.amount).plus(dec(r.amount)).isZero()).toBe(true);
      expect(original.date <= r.date).toBe(true);
      expect(r.kind === 'chargeback').toBe(r.method === 'card');
    }
  });

  it('has partial payments and disputes that hold payment until they are resolved', () => {
    const partial = h.accounts.flatMap((a) => a.invoices.filter((i) => a.payments.filter((p) => p.invoiceNumber === i.number && p.kind === 'payment').length > 1));
    expect(partial.length).toBeGreaterThan(50);
    const disputes = h.accounts.flatMap((a) => a.disputes.map((d) => ({ d, a })));
    expect(disputes.length).toBeGreaterThan(20);
    for (const { d, a } of disputes) {
      const first = a.payments.find((p) => p.invoiceNumber === d.invoiceNumber && p.kind === 'payment');
      if (first && d.resolvedOn) expect(first.date >= d.resolvedOn).toBe(true);
    }
  });

  it('orders the profiles by how often an invoice is paid more than 30 days late or not at all', () => {
    const [prompt, late, chronic, defaulting] = PAYMENT_PROFILES.map((p) => lateShare(h.accounts, p));
    expect(prompt!).toBeLessThan(0.05);
    expect(late!).toBeGreaterThan(prompt!);
    expect(chronic!).toBeGreaterThan(late!);
    expect(defaulting!).toBeGreaterThan(late!);
  });

  it('stops a defaulting account paying from its default month', () => {
    const defaulted = h.accounts.filter((a) => a.defaultsFrom !== null && a.defaultsFrom <= '2025-12');
    expect(defaulted.length).toBeGreaterThan(5);
    for (const a of defaulted) {
      expect(a.profile).toBe('defaulting');
      for (const inv of a.invoices.filter((i) => i.issueDate.slice(0, 7) >= a.defaultsFrom!)) {
        expect(a.payments.some((p) => p.invoiceNumber === inv.number)).toBe(false);
      }
    }
  });
});
