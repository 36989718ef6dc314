import { z } from 'zod';
import { callCategorySchema } from '../../tools/classify/classification.types.ts';
import { accountIdSchema, billingMonthSchema, calendarDateSchema, invoiceNumberSchema, proposalIdSchema } from '../../tools/schemas/index.ts';

/**
 * Argument formats shared by every agent tool: ids with fixed shapes, enums, length caps. Schemas
 * built from these are `.strict()`, so an argument nobody declared (a "tenant", a "user") is refused.
 */
export const invoiceRef = invoiceNumberSchema.describe('invoice number (INV-000123) or held invoice id');
export const accountId = accountIdSchema.describe('account id');
export const period = billingMonthSchema.describe('billing month YYYY-MM');
export const calendarDate = calendarDateSchema.describe('calendar date YYYY-MM-DD');
export const eventId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('usage event id');
export const proposalId = proposalIdSchema.describe('proposal id');
export const reason = z.string().trim().min(3).max(500).describe("why, in the analyst's words");
export const amount = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,4})?$/, 'a positive amount such as 12.50')
  .describe('amount, net of tax');
export const lineId = z.string().min(1).max(200).describe('invoice line id');
export const category = callCategorySchema.describe('call category');
