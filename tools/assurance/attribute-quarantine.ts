import { localDate } from '../time/index.ts';

// A date written the ISO way (2025-03-04, 2025-03-04T10:00, 2025-03-04 10:00:00), or 10-digit
// epoch seconds (FreeSWITCH's *_epoch, JSON Lines exports) that fall in 2000..2099.
const ISO_DATE = /(?<!\d)(20\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/;
const EPOCH_SECONDS = /(?<!\d)(9\d{8}|[1-3]\d{9})(?!\d)/;

/**
 * The billing month a quarantined line belongs to: the first date the raw text holds (it may be
 * the very field that failed, but a broken line usually still carries its start time), else the
 * month of its batch's usage, else the month the batch was read. Null when nothing says.
 */
export function quarantineMonth(raw: string, batch: { usageMonth: string | null; readOn: string | null }, timezone: string): string | null {
  const iso = ISO_DATE.exec(raw);
  if (iso) return `${iso[1]}-${iso[2]}`;
  const epoch = EPOCH_SECONDS.exec(raw);
  if (epoch) return localDate(Number(epoch[1]) * 1000, timezone).slice(0, 7);
  return batch.usageMonth ?? batch.readOn?.slice(0, 7) ?? null;
}
