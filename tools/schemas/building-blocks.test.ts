import { describe, expect, it } from 'vitest';
import { accountIdSchema, billingMonthSchema, calendarDateSchema, decimalStringSchema, invoiceNumberSchema, proposalIdSchema, timeZoneSchema } from './index.ts';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown): boolean => schema.safeParse(v).success;

describe('calendarDateSchema', () => {
  it('accepts real dates, including 29 February of a leap year', () => {
    for (const d of ['2025-01-31', '2024-02-29', '2000-02-29', '1999-12-31']) expect(ok(calendarDateSchema, d), d).toBe(true);
  });
  it('refuses 2025-02-31, 2023-02-29, month 13, day 00 and other shapes', () => {
    for (const d of ['2025-02-31', '2023-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-01', '20250101', '2025-01-01T00:00:00Z', ' 2025-01-01', ''])
      expect(ok(calendarDateSchema, d), d).toBe(false);
  });
});

describe('billingMonthSchema', () => {
  it('accepts YYYY-MM with a month 01..12', () => {
    for (const m of ['2025-01', '2025-12', '1999-07']) expect(ok(billingMonthSchema, m), m).toBe(true);
  });
  it('refuses 2025-13, 2025-00, a date and other shapes', () => {
    for (const m of ['2025-13', '2025-00', '2025-1', '2025-01-01', '202501', 'March', '']) expect(ok(billingMonthSchema, m), m).toBe(false);
  });
});

describe('decimalStringSchema', () => {
  it('accepts plain decimals, signed or not', () => {
    for (const s of ['0', '12.50', '-3.125', '1000000']) expect(ok(decimalStringSchema, s), s).toBe(true);
  });
  it('refuses exponents, spaces, commas, bare dots and numbers (floats)', () => {
    for (const s of ['1e3', ' 1', '1,5', '.5', '5.', '+1', 'NaN', '', 12.5]) expect(ok(decimalStringSchema, s), String(s)).toBe(false);
  });
});

describe('timeZoneSchema', () => {
  it('accepts IANA zones this runtime knows', () => {
    for (const z of ['UTC', 'Europe/London', 'America/St_Johns', 'Asia/Kolkata']) expect(ok(timeZoneSchema, z), z).toBe(true);
  });
  it('refuses unknown zones and offsets-as-text', () => {
    for (const z of ['Mars/Olympus_Mons', 'Europe/Londn', '', 'GMT+25']) expect(ok(timeZoneSchema, z), z).toBe(false);
  });
});

describe('id schemas', () => {
  it('accountIdSchema: letters, digits, . _ - up to 64, starting with a letter or digit', () => {
    for (const a of ['ACME-001', 'cust_7', 'a.b']) expect(ok(accountIdSchema, a), a).toBe(true);
    for (const a of ['', '-lead', 'has space', 'x'.repeat(65), "ACME';--"]) expect(ok(accountIdSchema, a), a).toBe(false);
  });
  it('invoiceNumberSchema: a series number such as INV-000123, or a held invoice id', () => {
    for (const n of ['INV-000123', 'CN-1', '42']) expect(ok(invoiceNumberSchema, n), n).toBe(true);
    for (const n of ['inv-1', 'INV-', 'INV 1', '', '1'.repeat(13)]) expect(ok(invoiceNumberSchema, n), n).toBe(false);
  });
  it('proposalIdSchema: a positive safe integer', () => {
    for (const p of [1, 42]) expect(ok(proposalIdSchema, p), String(p)).toBe(true);
    for (const p of [0, -1, 1.5, '1', Number.MAX_SAFE_INTEGER + 1]) expect(ok(proposalIdSchema, p), String(p)).toBe(false);
  });
});
