import { z } from 'zod';
import { callCategorySchema } from '../../tools/classify/classification.types.ts';

/**
 * Argument formats shared by every agent tool: ids with fixed shapes, enums, length caps. Schemas
 * built from these are `.strict()`, so an argument nobody declared (a "tenant", a "user") is refused.
 */
export const invoiceRef = z.string().regex(/^(?:[A-Z][A-Z0-9-]{0,11}-\d{1,12}|\d{1,12})$/, 'an invoice number such as INV-000123, or the id of a held invoice').describe('invoice number (INV-000123) or held invoice id');
export const accountId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'an account id').describe('account id');
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a billing month YYYY-MM').describe('billing month YYYY-MM');
export const eventId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('usage event id');
export const proposalId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('proposal id');
export const reason = z.string().trim().min(3).max(500).describe('why, in the analyst\'s words');
export const amount = z.string().regex(/^\d{1,9}(\.\d{1,4})?$/, 'a positive amount such as 12.50').describe('amount, net of tax');
export const lineId = z.string().min(1).max(200).describe('invoice line id');
export const category = callCategorySchema.describe('call category');
