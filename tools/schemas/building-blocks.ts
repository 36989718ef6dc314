import { z } from 'zod';
import { isValidTimezone } from '../time/offset-at.ts';

/**
 * The input formats every surface (CLI, agent tools, files, the API) checks, each defined once so
 * a value means the same wherever it is typed. Surfaces add their own `.describe()` text.
 */

/** "2025-02-31 is not a calendar date (YYYY-MM-DD)": the value named, cut short when long. */
const notA =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    typeof issue.input === 'string' ? `${issue.input === '' ? '(empty)' : issue.input.slice(0, 40)} is not ${what}` : `not ${what}`;

/** A calendar date YYYY-MM-DD that exists (zod's own ISO date: refuses 2025-02-31). */
export const calendarDateSchema = z.iso.date({ error: notA('a calendar date (YYYY-MM-DD)') });

/** A billing month YYYY-MM, month 01..12. */
export const billingMonthSchema = z.string({ error: notA('a billing month (YYYY-MM)') }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: notA('a billing month (YYYY-MM)') });

/** An exact decimal as text ("12.50", "-3.1"): never a JS number, so money never passes through a float. */
export const decimalStringSchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number such as "12.50"');

/** An IANA time zone this runtime knows (checked with Intl). */
export const timeZoneSchema = z.string().refine(isValidTimezone, { error: (i) => `unknown time zone "${String(i.input)}" (an IANA zone such as Europe/London)` });

/** A customer account id: letters, digits, "." "_" "-", starting with a letter or digit, at most 64. */
export const accountIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'an account id');

/** An invoice number of a series (INV-000123, CN-000001) or the numeric id of a held invoice. */
export const invoiceNumberSchema = z.string().regex(/^(?:[A-Z][A-Z0-9-]{0,11}-\d{1,12}|\d{1,12})$/, 'an invoice number such as INV-000123, or the id of a held invoice');

/** A proposal id: a positive safe integer. */
export const proposalIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A BCP 47 language tag as accounts and renderings take it: a base language, optionally a region (en, de, fr-CH, es_ES). */
export const languageTagSchema = z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$/, 'a language tag such as en, de or fr-CH');
