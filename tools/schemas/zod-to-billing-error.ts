import type { z } from 'zod';
import { BillingError, type BillingErrorCode } from '../errors.ts';

/** Formats zod issues as "path: message" lines a person can act on (just the message at the top level). */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues.map((i) => (i.path.length === 0 ? i.message : `${i.path.map(String).join('.')}: ${i.message}`)).join('; ');
}

/** The one way a zod error becomes a BillingError: each field named, `context` (a file, an option) first, the zod error kept as the cause. */
export function zodToBillingError(error: z.core.$ZodError, code: BillingErrorCode = 'INVALID_INPUT', context?: string): BillingError {
  const text = describeIssues(error.issues);
  return new BillingError(code, context ? `${context}: ${text}` : text, undefined, { cause: error });
}

/** Parses `value` with `schema`, or throws the BillingError zodToBillingError makes of the failure. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, context?: string, code: BillingErrorCode = 'INVALID_INPUT'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodToBillingError(parsed.error, code, context);
  return parsed.data;
}
