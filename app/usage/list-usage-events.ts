import { z } from 'zod';
import { listScopedUsage } from '../../db/usage-scope.ts';
import { getOperatorSettings } from '../../db/index.ts';
import { directionSchema, dispositionSchema, serviceSchema, usageStatusSchema } from '../../tools/cdr/index.ts';
import { callCategorySchema, roamingSchema } from '../../tools/classify/classification.types.ts';
import { BillingError } from '../../tools/errors.ts';
import { accountIdSchema, billingMonthSchema, decimalStringSchema } from '../../tools/schemas/index.ts';
import { addMonths, startOfLocalDate } from '../../tools/time/index.ts';
import { defineOperation } from '../operation.ts';

/** A usage event as listings show it (CLI `usage list`, the API, agent tools). */
export const usageEventSchema = z.object({
  id: z.number().int(),
  sourceId: z.string().nullable(),
  batchId: z.number().int(),
  lineNo: z.number().int(),
  service: serviceSchema,
  direction: directionSchema,
  directionRule: z.string().nullable(),
  subscriber: z.string(),
  otherParty: z.string(),
  destination: z.string().nullable(),
  category: callCategorySchema,
  roaming: roamingSchema,
  startTime: z.string(),
  answerTime: z.string().nullable(),
  usage: z.number().int().describe('nanoseconds for voice, messages for SMS, bytes for data'),
  disposition: dispositionSchema,
  status: usageStatusSchema,
  cost: decimalStringSchema.nullable(),
  currency: z.string().nullable(),
  tariffVersionId: z.number().int().nullable(),
  ratingError: z.object({ code: z.string(), message: z.string().nullable() }).nullable(),
  classificationReason: z.string().nullable(),
});

/** A switch's number: digits, optionally with a leading "+". */
const subscriberSchema = z.string().regex(/^\+?\d{3,20}$/, 'a subscriber number (digits, optionally with a leading +)');
const instantSchema = z.iso.datetime({ offset: true, error: 'an ISO 8601 time with its offset, such as 2025-03-01T00:00:00Z' });

// The cursor is opaque to clients: the id the page ended at, in a form they need not read.
const CURSOR_PREFIX = 'ev1:';
function encodeCursor(id: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`).toString('base64url');
}
function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new BillingError('INVALID_INPUT', 'cursor: not a cursor of this listing (pass nextCursor as it came)');
  return id;
}

/** The tenant's usage events, newest first, filtered, a page at a time (a customer's own lines only). */
export const listUsageEvents = defineOperation({
  name: 'usage.list',
  summary: 'List usage events',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z
    .object({
      status: usageStatusSchema.optional(),
      category: callCategorySchema.optional(),
      direction: directionSchema.optional(),
      subscriber: subscriberSchema.optional().describe('one line'),
      accountId: accountIdSchema.optional().describe("one account's lines"),
      batchId: z.number().int().positive().optional().describe('one ingestion batch'),
      period: billingMonthSchema.optional().describe('a calendar month, in the operator time zone'),
      from: instantSchema.optional().describe('events starting at or after this time'),
      to: instantSchema.optional().describe('events starting before this time'),
      cursor: z.string().min(1).max(100).optional().describe('nextCursor of the previous page'),
      limit: z.number().int().min(1).max(1000).default(50),
    })
    .strict()
    .refine((x) => x.period === undefined || (x.from === undefined && x.to === undefined), { message: 'a month or a time range, not both', path: ['period'] }),
  output: z.object({
    events: z.array(usageEventSchema),
    /** Pass as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  }),
  handler: (ctx, input) => {
    let fromMs = input.from === undefined ? undefined : Date.parse(input.from);
    let toMs = input.to === undefined ? undefined : Date.parse(input.to);
    if (input.period) {
      const tz = getOperatorSettings(ctx.store).timezone;
      fromMs = startOfLocalDate(`${input.period}-01`, tz);
      toMs = startOfLocalDate(`${addMonths(input.period, 1)}-01`, tz);
    }
    const { events, more } = listScopedUsage(ctx.scope, {
      status: input.status,
      category: input.category,
      direction: input.direction,
      subscriber: input.subscriber,
      accountId: input.accountId,
      batchId: input.batchId,
      fromMs,
      toMs,
      before: input.cursor === undefined ? undefined : decodeCursor(input.cursor),
      limit: input.limit,
    });
    return { events, nextCursor: more && events.length ? encodeCursor(events[events.length - 1]!.id) : null };
  },
});
