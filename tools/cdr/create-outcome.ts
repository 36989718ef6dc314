import type { CsvSplitFailure } from './split-csv-line.ts';
import type { ParseOutcome, QuarantineReason, UsageRecord } from './usage-record.types.ts';

export type QuarantineOutcome = Extract<ParseOutcome, { kind: 'quarantine' }>;
export type RecordOutcome = Extract<ParseOutcome, { kind: 'record' }>;

// Skips carry no data, so one shared frozen object keeps blank lines and headers allocation-free.
export const SKIP: ParseOutcome = Object.freeze({ kind: 'skip' }) as ParseOutcome;

/** Builds a quarantine outcome with its machine-readable reason and a human message. */
export function quarantine(reason: QuarantineReason, message: string): QuarantineOutcome {
  return { kind: 'quarantine', reason, message };
}

/** Wraps an accepted record as an outcome. */
export function accept(record: UsageRecord): RecordOutcome {
  return { kind: 'record', record };
}

/** Renders an offending value for a message, shortened so a corrupt 60 KiB field cannot flood the quarantine log. */
export function showValue(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** Turns a CSV split failure into its quarantine outcome (the reasons share their names). */
export function quarantineCsvFailure(failure: CsvSplitFailure): QuarantineOutcome {
  const what = failure.error === 'UNTERMINATED_QUOTE' ? 'a quoted field never closes' : 'a stray quote or text after a closing quote';
  return quarantine(failure.error, `${what} (field ${failure.field}, character ${failure.offset + 1})`);
}
