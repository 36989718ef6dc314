import type { Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { runOperation } from '../../../app/index.ts';
import { explainInvoiceLine, showInvoice } from '../../../app/invoices/index.ts';
import { showUsageEvent } from '../../../app/usage/index.ts';
import type { RatedCost } from '../../../tools/rating/index.ts';
import { formatUsage } from '../../../tools/rating/index.ts';
import { Money, Notice, StatusBadge } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';
import { invoicePath } from './invoice-table.tsx';

/** Events listed on the page; the rest are counted, and their totals are in the line's figures. */
const EVENTS_SHOWN = 200;

type UsageEvent = z.output<typeof showUsageEvent.output>;

/** True when a stored breakdown is an expanded rating (spans and profile), not a failure reason. */
function isRatedCost(b: unknown): b is RatedCost {
  return typeof b === 'object' && b !== null && Array.isArray((b as RatedCost).spans) && typeof (b as RatedCost).profile === 'object';
}

/** The tariff row a span was priced by, in the words invoice provenance uses ("tariff 1: RP/DR/RATE#slot"). */
function tariffRowOf(tariffVersionId: number | null, span: RatedCost['spans'][number]): string {
  return `tariff ${tariffVersionId ?? '?'}: ${span.ratingPlanId}/${span.destinationRateId}/${span.rateId}#${span.slot}`;
}

/** One event of the line opened in place: its tariff rows and spans, and the rating in words. */
function EventDetail(props: { event: UsageEvent; lineTariffRows: readonly string[] }) {
  const e = props.event;
  const b = isRatedCost(e.ratingBreakdown) ? e.ratingBreakdown : null;
  const service = e.service === 'sms' || e.service === 'data' ? e.service : 'voice';
  return (
    <section id={`event-${e.id}`} aria-labelledby="h-event" class="event-detail">
      <h2 id="h-event">Usage event {e.id}</h2>
      <p>
        <a href={`/usage/${e.id}`}>Open usage event {e.id}</a> · <StatusBadge status={e.status} /> · {e.service} from {e.subscriber} to {e.otherParty ?? '—'} at {e.startTime}
        {e.cost !== null && e.currency ? (
          <>
            {' '}
            · rated <Money value={e.cost} currency={e.currency} />
          </>
        ) : null}
      </p>
      {Object.keys(e.attributes).length > 0 ? (
        <dl class="facts attributes">
          {Object.entries(e.attributes).map(([k, v]) => (
            <div>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {b ? (
        <>
          <h3>Tariff rows</h3>
          <ul class="tariff-rows">
            {[...new Set(b.spans.map((s) => tariffRowOf(e.tariffVersionId, s)))].map((row) => (
              <li>
                <code>{row}</code>
                {props.lineTariffRows.includes(row) ? <span class="hint"> (a tariff row of this line)</span> : null}
              </li>
            ))}
          </ul>
          <p>
            Tariff {b.tariffPlanId}, destination {b.destinationId} (prefix {b.matchedPrefix}), destination rate {b.destinationRateId}, connect fee <Money value={b.connectFee} currency={b.currency} />.
          </p>
          <div class="table-wrap">
            <table class="spans">
              <thead>
                <tr>
                  <th scope="col">Span</th>
                  <th scope="col">Rate</th>
                  <th scope="col">Timing</th>
                  <th scope="col">Usage</th>
                  <th scope="col" class="num">
                    Increments
                  </th>
                  <th scope="col" class="num">
                    Rate price
                  </th>
                  <th scope="col" class="num">
                    Cost
                  </th>
                </tr>
              </thead>
              <tbody>
                {b.spans.map((s, i) => (
                  <tr>
                    <td>{i + 1}</td>
                    <td>
                      <code>
                        {s.rateId}#{s.slot}
                      </code>
                    </td>
                    <td>{s.timingId}</td>
                    <td>{formatUsage(s.usage, service)}</td>
                    <td class="num">{s.increments}</td>
                    <td class="num">{s.rate}</td>
                    <td class="num">{s.cost}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {e.rating ? (
            <>
              <h3>How it was priced</h3>
              <ol class="rating-steps">
                {e.rating.steps.map((step) => (
                  <li>{step}</li>
                ))}
              </ol>
            </>
          ) : null}
        </>
      ) : (
        <Notice tone="info">{e.ratingError ? `This event was not rated: ${e.ratingError.code} ${e.ratingError.message ?? ''}` : 'This event carries no rating breakdown.'}</Notice>
      )}
    </section>
  );
}

/**
 * One invoice line (/invoices/:number/lines/:lineId): how it was computed, its usage events, and
 * for the event picked (?event=ID) the tariff rows and spans that priced it, on this page.
 */
export function mountInvoiceLine(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/invoices/:number/lines/:lineId', guard, async (c) => {
    const ctx = c.get('operationContext');
    const ref = c.req.param('number');
    const lineId = c.req.param('lineId');
    const [{ document: d }, line] = await Promise.all([runOperation(showInvoice, ctx, { number: ref }), runOperation(explainInvoiceLine, ctx, { invoice: ref, lineId })]);
    const picked = c.req.query('event');
    const eventId = picked && /^\d{1,15}$/.test(picked) ? Number(picked) : null;
    // Only an event of this line opens here; another id is a link to its own page.
    const ofLine = eventId !== null && line.events.some((e) => e.id === eventId);
    const event = ofLine && eventId !== null ? await runOperation(showUsageEvent, ctx, { eventId }) : null;
    const here = `${invoicePath(ref)}/lines/${encodeURIComponent(lineId)}`;
    const cur = d.currency;
    return sendPage(
      c,
      <ConsolePage title={line.description} active="/invoices" session={pageSession(c)}>
        <nav aria-label="Breadcrumb" class="crumbs">
          <a href="/invoices">Invoices</a> › <a href={invoicePath(ref)}>{d.number ?? `held #${ref}`}</a> › line
        </nav>
        <section aria-labelledby="h-line">
          <h2 id="h-line">The line</h2>
          <dl class="facts">
            <div>
              <dt>Customer</dt>
              <dd class="customer">{d.buyer.name}</dd>
            </div>
            <div>
              <dt>Quantity</dt>
              <dd>
                {line.quantity} {line.unit}
              </dd>
            </div>
            <div>
              <dt>Unit price</dt>
              <dd>{line.unitPrice === null ? '—' : <Money value={line.unitPrice} currency={cur} />}</dd>
            </div>
            <div>
              <dt>Net</dt>
              <dd>
                <Money value={line.amount} currency={cur} />
              </dd>
            </div>
            <div>
              <dt>Service period</dt>
              <dd>
                {line.servicePeriod.from} to {line.servicePeriod.to}
              </dd>
            </div>
            <div>
              <dt>Line</dt>
              <dd>{line.msisdn ?? 'account'}</dd>
            </div>
          </dl>
          <p>
            <strong>Calculation:</strong> {line.calculation}
          </p>
          {line.tariffRows.length > 0 ? (
            <p>
              <strong>Tariff rows:</strong>{' '}
              {line.tariffRows.map((r) => (
                <code class="tag">{r}</code>
              ))}
            </p>
          ) : null}
          {line.catalogItems.length > 0 ? (
            <p>
              <strong>Catalog items:</strong>{' '}
              {line.catalogItems.map((r) => (
                <code class="tag">{r}</code>
              ))}
            </p>
          ) : null}
        </section>
        <section aria-labelledby="h-events">
          <h2 id="h-events">Usage events ({line.eventCount})</h2>
          {line.eventCount === 0 ? (
            <p>This line charges no usage events.</p>
          ) : (
            <>
              <p>
                Rated <Money value={line.eventTotals.rated} currency={cur} />, charged after allowances <Money value={line.eventTotals.charged} currency={cur} />
                {line.eventsMatchAmount === true ? '; the events add up to the line.' : line.eventsMatchAmount === false ? '; the events do NOT add up to the line.' : '.'}
              </p>
              <div class="table-wrap">
                <table class="events">
                  <thead>
                    <tr>
                      <th scope="col">Event</th>
                      <th scope="col" class="num">
                        Rated
                      </th>
                      <th scope="col" class="num">
                        Charged
                      </th>
                      <th scope="col">Allowance</th>
                      <th scope="col">Tariff rows</th>
                    </tr>
                  </thead>
                  <tbody>
                    {line.events.slice(0, EVENTS_SHOWN).map((e) => (
                      <tr data-event={String(e.id)} aria-current={e.id === eventId ? 'true' : undefined}>
                        <td>
                          <a href={`/usage/${e.id}`}>Event {e.id}</a>
                        </td>
                        <td class="num">
                          <Money value={e.rated} currency={cur} />
                        </td>
                        <td class="num">
                          <Money value={e.charged} currency={cur} />
                        </td>
                        <td>{e.allowanceId ?? '—'}</td>
                        <td>
                          <a href={`${here}?event=${e.id}#event-${e.id}`}>Show tariff rows of event {e.id}</a>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {line.events.length + line.eventsOmitted > EVENTS_SHOWN ? <p class="hint">{`The first ${EVENTS_SHOWN} of ${line.eventCount} events by charge; the figures above cover all.`}</p> : null}
            </>
          )}
        </section>
        {event ? <EventDetail event={event} lineTariffRows={line.tariffRows} /> : null}
        {eventId !== null && !ofLine ? <Notice tone="error">{`Event ${eventId} is not charged on this line.`}</Notice> : null}
      </ConsolePage>,
    );
  });
}
