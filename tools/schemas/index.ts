export {
  calendarDateSchema,
  billingMonthSchema,
  decimalStringSchema,
  timeZoneSchema,
  accountIdSchema,
  invoiceNumberSchema,
  proposalIdSchema,
  languageTagSchema,
} from './building-blocks.ts';
export { describeIssues, zodToBillingError, parseOrThrow } from './zod-to-billing-error.ts';
export { findNul } from './find-nul.ts';
