import type { Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { confirmAlert, dismissAlert, listAlerts, showAlert } from '../../../app/alerts/index.ts';
import { runOperation } from '../../../app/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import { ALERT_STATUSES, FRAUD_DETECTORS } from '../../../tools/fraud/index.ts';
import { Notice, StatusBadge } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

type Alert = z.output<typeof showAlert.output>;

const DETECTOR_NAMES: Record<string, string> = {
  irsf: 'IRSF',
  wangiri: 'Wangiri',
  simbox: 'SIM box',
  spike: 'Usage spike',
  revenue: 'Revenue anomaly',
  shared_instrument: 'Shared card or IBAN',
  repeated_return: 'Repeated returns',
  refund_destination: 'Refund destination',
  payer_name: 'Payer name mismatch',
};

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Severity as a badge: critical reads as bad, warning as a warning (the word is always shown). */
function SeverityBadge(props: { severity: string }) {
  return <span class={`badge badge-${props.severity === 'critical' ? 'bad' : 'warn'}`}>{props.severity}</span>;
}

/** Name/value pairs of the evidence (statistics, threshold). */
function Pairs(props: { label: string; values: Record<string, string | number> }) {
  return (
    <dl class="facts" aria-label={props.label}>
      {Object.entries(props.values).map(([k, v]) => (
        <>
          <dt>{k.replace(/([A-Z])/g, ' $1').toLowerCase()}</dt>
          <dd>{String(v)}</dd>
        </>
      ))}
    </dl>
  );
}

/** The decision form of an open alert: a reason, confirm (with a bar proposal where it may) or dismiss. */
function DecideForm(props: { alert: Alert; csrf: string }) {
  const a = props.alert;
  return (
    <form method="post" action={`/alerts/${a.id}/decide`} class="card" aria-label={`Decide alert ${a.id}`}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <div class="field">
        <label for="f-reason">Reason (who checked what)</label>
        <textarea id="f-reason" name="reason" rows={2} required minlength={3} maxlength={500} />
      </div>
      {a.canProposeBar ? (
        <div class="field">
          <label>
            <input type="checkbox" name="proposeBar" value="1" /> Propose barring line {a.subject} (another person approves)
          </label>
        </div>
      ) : null}
      <button type="submit" name="decision" value="confirmed">
        Confirm: it is fraud
      </button>{' '}
      <button type="submit" name="decision" value="dismissed">
        Dismiss: not fraud
      </button>
    </form>
  );
}

/**
 * Fraud and anomaly alerts (/alerts, /alerts/:id): the list with a filter, one alert with its
 * evidence, and the confirm or dismiss form — the operations of `switchboard alerts`.
 */
export function mountAlerts(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/alerts', guard, async (c) => {
    const ctx = c.get('operationContext');
    const status = (ALERT_STATUSES as readonly string[]).includes(c.req.query('status') ?? '') ? (c.req.query('status') as (typeof ALERT_STATUSES)[number]) : undefined;
    const detector = (FRAUD_DETECTORS as readonly string[]).includes(c.req.query('detector') ?? '') ? (c.req.query('detector') as (typeof FRAUD_DETECTORS)[number]) : undefined;
    const { alerts, counts } = await runOperation(listAlerts, ctx, { status, detector, limit: 200 });
    return sendPage(
      c,
      <ConsolePage title="Fraud alerts" active="/alerts" session={pageSession(c)}>
        <form method="get" action="/alerts" class="filters card" aria-label="Filter alerts">
          <div class="field">
            <label for="f-status">Status</label>
            <select id="f-status" name="status">
              <option value="">any</option>
              {ALERT_STATUSES.map((s) => (
                <option value={s} selected={s === status}>
                  {s} ({counts[s]})
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-detector">Detector</label>
            <select id="f-detector" name="detector">
              <option value="">any</option>
              {FRAUD_DETECTORS.map((d) => (
                <option value={d} selected={d === detector}>
                  {DETECTOR_NAMES[d]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Show</button>
        </form>
        {alerts.length ? (
          <div class="table-wrap">
            <table class="alerts">
              <caption class="sr-only">Fraud and anomaly alerts, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Alert</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Status</th>
                  <th scope="col">About</th>
                  <th scope="col">When</th>
                  <th scope="col">What was found</th>
                </tr>
              </thead>
              <tbody>
                {alerts.map((a) => (
                  <tr>
                    <td>
                      <a href={`/alerts/${a.id}`}>
                        {DETECTOR_NAMES[a.detector]} #{a.id}
                      </a>
                    </td>
                    <td>
                      <SeverityBadge severity={a.severity} />
                    </td>
                    <td>
                      <StatusBadge status={a.status} />
                    </td>
                    <td>{a.subject}</td>
                    <td>{when(a.firstAt)}</td>
                    <td>{a.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Notice tone="info">No alert{status ? ` is ${status}` : ''}.</Notice>
        )}
      </ConsolePage>,
    );
  });

  web.get('/alerts/:id', guard, async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,12}$/.test(id)) throw new BillingError('NOT_FOUND', `no alert ${id}`);
    const a = await runOperation(showAlert, c.get('operationContext'), { id: Number(id) });
    const session = pageSession(c);
    const decided = c.req.query('decided');
    return sendPage(
      c,
      <ConsolePage title={`${DETECTOR_NAMES[a.detector]} alert ${a.id}`} active="/alerts" session={session} actions={<a href="/alerts">All alerts</a>}>
        {decided ? <Notice tone="ok">{`Alert ${a.id} ${a.status}${a.proposalId ? `; proposal ${a.proposalId} to bar the line waits for approval` : ''}.`}</Notice> : null}
        <p>
          <SeverityBadge severity={a.severity} /> <StatusBadge status={a.status} /> {a.summary}
        </p>
        <dl class="facts">
          <dt>About</dt>
          <dd>
            {a.subjectKind.replace('_', ' ')} {a.subject}
          </dd>
          <dt>Window</dt>
          <dd>
            {when(a.firstAt)} to {when(a.lastAt)} UTC
          </dd>
          <dt>Detected</dt>
          <dd>
            {a.source === 'ingest'
              ? `while batch ${a.batchId} was ingested`
              : a.source === 'payments'
                ? `by the payment-fraud scan${a.batchId ? ` after import ${a.batchId}` : ''}`
                : 'by the scheduled pass'}
            , {when(a.createdAt)}
          </dd>
          {a.decidedBy ? (
            <>
              <dt>Decided</dt>
              <dd>
                {a.status} by {a.decidedBy} at {when(a.decidedAt ?? '')}: {a.decisionReason}
              </dd>
            </>
          ) : null}
          {a.proposalId ? (
            <>
              <dt>Bar proposal</dt>
              <dd>
                <a href={`/approvals/${a.proposalId}`}>proposal {a.proposalId}</a>
              </dd>
            </>
          ) : null}
        </dl>
        <section aria-labelledby="evidence-h">
          <h2 id="evidence-h">Evidence</h2>
          <h3>Statistics</h3>
          <Pairs label="Statistics" values={a.evidence.statistics} />
          <h3>Threshold crossed</h3>
          <Pairs label="Threshold" values={a.evidence.threshold} />
          {a.evidence.signals.length ? (
            <>
              <h3>Signals</h3>
              <ul class="alert-signals">
                {a.evidence.signals.map((s) => (
                  <li>{s}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>
            {a.source === 'payments' ? 'Payments and proposals' : 'Events'} ({a.evidence.eventCount}
            {a.evidence.events.length < a.evidence.eventCount ? `, the first ${a.evidence.events.length} shown` : ''})
          </h3>
          <ul class="alert-events">
            {a.evidence.events.map((k) => (
              <li>
                <code>{k}</code>
              </li>
            ))}
          </ul>
        </section>
        {a.status === 'open' ? <DecideForm alert={a} csrf={session.csrfToken} /> : null}
      </ConsolePage>,
    );
  });

  web.post('/alerts/:id/decide', guard, async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,12}$/.test(id)) throw new BillingError('NOT_FOUND', `no alert ${id}`);
    const form = await c.req.parseBody();
    const reason = typeof form.reason === 'string' ? form.reason.trim() : '';
    const ctx = c.get('operationContext');
    if (form.decision === 'confirmed') await runOperation(confirmAlert, ctx, { id: Number(id), reason, proposeBar: form.proposeBar === '1' });
    else if (form.decision === 'dismissed') await runOperation(dismissAlert, ctx, { id: Number(id), reason });
    else throw new BillingError('INVALID_INPUT', 'decision: confirmed or dismissed');
    return c.redirect(`/alerts/${id}?decided=1`, 303);
  });
}
