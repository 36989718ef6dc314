/** An event's start time as the console shows it: date and time to the second, in UTC. */
export function shownTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** A usage quantity in words: voice as minutes and seconds, SMS as messages, data as bytes (integer arithmetic, no rounding). */
export function shownUsage(service: string, usage: number): string {
  if (service === 'sms') return `${usage} ${usage === 1 ? 'message' : 'messages'}`;
  if (service === 'data') return `${usage.toLocaleString('en-GB')} bytes`;
  const seconds = Math.floor(usage / 1000);
  const ms = usage - seconds * 1000;
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  return `${m}:${String(s).padStart(2, '0')}${ms ? `.${String(ms).padStart(3, '0')}` : ''} min`;
}

/** A date field of a filter form (YYYY-MM-DD) as the instant its UTC day starts, or undefined when empty or not a date. */
export function dayStart(date: string | undefined, plusDays = 0): string | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + plusDays * 86_400_000).toISOString().replace('.000Z', 'Z');
}
