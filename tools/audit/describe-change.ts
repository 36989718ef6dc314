import { dec } from '../money/index.ts';
import type { LineDelta, UsageDelta } from './audit.types.ts';
import { signed } from './format-amount.ts';

const SERVICE_WORD = { voice: 'voice', sms: 'SMS', data: 'data' } as const;
const EVENT_NOUN = { voice: ['call', 'calls'], sms: ['message', 'messages'], data: ['session', 'sessions'] } as const;

type Service = keyof typeof SERVICE_WORD;

function isService(s: string): s is Service {
  return s in SERVICE_WORD;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "International voice usage", "On-net SMS usage", "Data usage". */
function usageLabel(service: Service, category: string): string {
  if (service === 'data' && category === 'data') return 'Data usage';
  return `${capitalise(category.replace(/_/g, '-'))} ${SERVICE_WORD[service]} usage`;
}

/** "31 more calls", "1 fewer message", "no change in the number of sessions". */
function eventChange(service: Service, delta: number): string {
  const [one, many] = EVENT_NOUN[service];
  const n = Math.abs(delta);
  if (n === 0) return `the same number of ${many}`;
  return `${n} ${delta > 0 ? 'more' : 'fewer'} ${n === 1 ? one : many}`;
}

function movement(before: string, after: string, delta: string): string {
  const d = dec(delta);
  if (d.isZero()) return `stayed at ${after}`;
  return `${d.isPositive() ? 'rose' : 'fell'} from ${before} to ${after} (${signed(delta)})`;
}

/** A usage-summary row's change in one sentence, e.g. "International voice usage rose from 12.40 to 58.90 (+46.50): 31 more calls (+45.5 min)". */
export function describeUsageChange(row: UsageDelta): string {
  const quantity = dec(row.delta.quantity);
  const extra = quantity.isZero() ? '' : ` (${signed(row.delta.quantity)} ${row.unit})`;
  return `${usageLabel(row.service, row.category)} ${movement(row.before.amount, row.after.amount, row.delta.amount)}: ${eventChange(row.service, row.delta.events)}${extra}`;
}

/** What a line is, for a sentence: usage lines from their key (their descriptions carry counts that change), others from their description. */
function lineLabel(line: LineDelta): string {
  const where = line.msisdn ? ` on ${line.msisdn}` : '';
  const [kind, , service, category, roaming] = line.key.split(':');
  if (kind === 'use' && service && category && isService(service)) {
    return `${usageLabel(service, category)}${roaming === 'outbound' ? ' while roaming' : ''}${where}`;
  }
  return `${line.description}${where}`;
}

/** A line's change in one sentence, e.g. "Mobile voice usage on 447700900123 rose from 0.22 to 1.10 (+0.88): 6 more calls". */
export function describeLineChange(line: LineDelta): string {
  const label = lineLabel(line);
  const [kind, , service] = line.key.split(':');
  const events = kind === 'use' && service && isService(service) ? `: ${eventChange(service, line.afterEvents - line.beforeEvents)}` : '';
  if (line.presence === 'only_after') return `${label} is new: ${line.after} (${signed(line.delta)})${events}`;
  if (line.presence === 'only_before') return `${label} is no longer charged: it was ${line.before} (${line.delta})${events}`;
  return `${label} ${movement(line.before, line.after, line.delta)}${events}`;
}
