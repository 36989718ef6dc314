export {
  calendarDateSchema,
  billingMonthSchema,
  decimalStringSchema,
  timeZoneSchema,
  accountIdSchema,
  invoiceNumberSchema,
  proposalIdSchema,
} from './building-blocks.ts';
export { describeIssues, zodToBillingError, parseOrThrow } from './zod-to-billing-error.ts';
