import type { Child } from 'hono/jsx';
import { formatAmount } from '../../tools/invoice/render/format-invoice-values.ts';

/** An amount in its currency's format ("£1,234.50"), right-aligned in tables by its class; the exact decimal in its title. */
export function Money(props: { value: string; currency: string }) {
  // XXX is ISO 4217's "no currency": a proposal that moves no money (adopting a tax pack) says so
  // rather than formatting a zero in a currency that does not exist.
  if (props.currency.toUpperCase() === 'XXX') {
    return (
      <span class="money" title={`${props.value} XXX (no currency)`}>
        no amount
      </span>
    );
  }
  return (
    <span class="money" title={`${props.value} ${props.currency}`}>
      {formatAmount(props.value, props.currency, 'en')}
    </span>
  );
}

const BADGE_TONES: Record<string, string> = {
  issued: 'info',
  paid: 'good',
  held: 'warn',
  draft: 'muted',
  overdue: 'bad',
  void: 'muted',
  pending: 'warn',
  approved: 'good',
  rejected: 'bad',
  executed: 'good',
  failed: 'bad',
  open: 'warn',
  replayed: 'good',
  rated: 'good',
  accepted: 'info',
  active: 'good',
  expired: 'muted',
  revoked: 'muted',
  done: 'good',
  running: 'info',
  waiting: 'warn',
  unrated: 'muted',
  unclassified: 'warn',
  rating_failed: 'bad',
  queued: 'info',
  sending: 'info',
  delivered: 'good',
  dead: 'bad',
  skipped: 'muted',
};

/** A status as a coloured badge with its word (the colour never carries the meaning alone). */
export function StatusBadge(props: { status: string }) {
  return <span class={`badge badge-${BADGE_TONES[props.status] ?? 'muted'}`}>{props.status}</span>;
}

/** A chart drawn by /assets/console.js with Chart.js; the data travels in an escaped attribute, never in a script. */
export function Chart(props: {
  id: string;
  label: string;
  type: 'bar' | 'line' | 'doughnut';
  labels: readonly string[];
  datasets: ReadonlyArray<{ label: string; data: readonly string[] }>;
  stacked?: boolean;
}) {
  const config = { type: props.type, labels: props.labels, datasets: props.datasets, stacked: props.stacked ?? false };
  return (
    <figure class="chart">
      <canvas id={props.id} role="img" aria-label={props.label} data-chart={JSON.stringify(config)} />
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}

/** A message in plain words: what went wrong, or what was done. */
export function Notice(props: { tone: 'error' | 'ok' | 'info'; children: Child }) {
  return (
    <p class={`notice notice-${props.tone}`} role={props.tone === 'error' ? 'alert' : 'status'}>
      {props.children}
    </p>
  );
}

/** A labelled form control (the label always names the control). */
export function Field(props: { label: string; name: string; value?: string; type?: string; placeholder?: string; required?: boolean }) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input id={id} name={props.name} type={props.type ?? 'text'} value={props.value ?? ''} placeholder={props.placeholder} required={props.required} />
    </div>
  );
}

/** A summary figure with its label (the overview's tiles). */
export function Stat(props: { label: string; href?: string; children: Child }) {
  const body = (
    <>
      <span class="stat-value">{props.children}</span>
      <span class="stat-label">{props.label}</span>
    </>
  );
  return <div class="stat">{props.href ? <a href={props.href}>{body}</a> : body}</div>;
}
