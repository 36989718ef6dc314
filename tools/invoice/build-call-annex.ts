import { z } from 'zod';
import { dec, roundDecimal, ZERO, type Decimal } from '../money/index.ts';
import { localParts } from '../time/index.ts';
import type { InvoiceDocument } from './invoice.types.ts';

/** A stored rated event as the call annex needs it (read by db/, handed over as plain data). */
export const annexEventSchema = z.object({
  id: z.number().int(),
  /** The line's number as stored (E.164 digits, maybe with "+"). */
  subscriber: z.string(),
  service: z.enum(['voice', 'sms', 'data']),
  direction: z.string(),
  /** The number called (or calling, for a received call); the APN or empty for data. */
  otherParty: z.string(),
  startTime: z.number().int(),
  /** Billable usage, base units: voice ms, SMS count, data bytes. */
  usage: z.number().int().nonnegative(),
});
export type AnnexEvent = z.infer<typeof annexEventSchema>;

/** One row of the itemised call annex, every figure ready to print. */
export interface CallAnnexRow {
  eventId: number;
  /** The line, "+" and E.164 digits. */
  msisdn: string;
  /** Local date and time, "YYYY-MM-DD HH:MM:SS". */
  at: string;
  service: AnnexEvent['service'];
  /** A received call or message (the number is the caller's). */
  received: boolean;
  otherParty: string;
  /** "m:ss" for calls, a message count, MB with two decimals for data. */
  usage: string;
  /** What this invoice charges for the event (its usage lines' provenance), at tariff precision; "0" when none. */
  amount: string;
  /** An allowance covered (part of) it and nothing was charged. */
  included: boolean;
}

/** The annex of one invoice: its rows by line and time, and the time zone they are shown in. */
export interface CallAnnex {
  timezone: string;
  rows: CallAnnexRow[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function localTime(epochMs: number, timezone: string): string {
  const p = localParts(epochMs, timezone);
  const seconds = Math.floor(p.msOfDay / 1000);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

function usageText(event: AnnexEvent): string {
  if (event.service === 'voice') {
    const seconds = Math.ceil(event.usage / 1000);
    return `${Math.floor(seconds / 60)}:${pad(seconds % 60)}`;
  }
  if (event.service === 'sms') return String(event.usage);
  return `${roundDecimal(dec(event.usage).div(1_048_576), 2, 'middle').toFixed(2)} MB`;
}

/**
 * The itemised call annex: every given event of the invoice's lines once, in line then time order,
 * with what the invoice's usage lines charge for it. Promotions repeat their target's events in
 * their provenance, so only usage lines count: an event is never charged twice here.
 */
export function buildCallAnnex(doc: Pick<InvoiceDocument, 'lines'>, events: readonly AnnexEvent[], timezone: string): CallAnnex {
  const charged = new Map<number, { amount: Decimal; covered: boolean }>();
  for (const line of doc.lines) {
    if (line.section !== 'usage') continue;
    for (const e of line.provenance.usageEvents) {
      const seen = charged.get(e.id) ?? { amount: ZERO, covered: false };
      charged.set(e.id, { amount: seen.amount.plus(e.charged), covered: seen.covered || e.covered > 0 });
    }
  }
  const unique = new Map<number, AnnexEvent>();
  for (const e of events) unique.set(e.id, e);
  const rows = [...unique.values()]
    .map((e): CallAnnexRow => {
      const c = charged.get(e.id);
      const amount = c ? c.amount : ZERO;
      return {
        eventId: e.id,
        msisdn: e.subscriber.startsWith('+') ? e.subscriber : `+${e.subscriber}`,
        at: localTime(e.startTime, timezone),
        service: e.service,
        received: e.direction === 'inbound',
        otherParty: e.otherParty,
        usage: usageText(e),
        amount: amount.toString(),
        included: Boolean(c?.covered) && amount.isZero(),
      };
    })
    .sort((a, b) => a.msisdn.localeCompare(b.msisdn) || a.at.localeCompare(b.at) || a.eventId - b.eventId);
  return { timezone, rows };
}
