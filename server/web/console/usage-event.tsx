import type { Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { showUsageEvent } from '../../../app/usage/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import { Money, StatusBadge } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';
import { shownTime, shownUsage } from './usage-format.ts';

/** A priced span of the engine's breakdown, as much of it as the page shows. */
interface Span {
  offset?: number;
  usage?: number;
  rateId?: string;
  slot?: number;
  timingId?: string;
  rate?: string;
  rateUnit?: number;
  rateIncrement?: number;
  increments?: number;
  incrementCost?: string;
  cost?: string;
}

/** The breakdown's own fields (it is the engine's JSON; anything missing shows as a dash). */
interface Breakdown {
  tariffPlanId?: string;
  profile?: { tenant?: string; category?: string; subject?: string; ratingPlanId?: string; activationTime?: string };
  destinationId?: string;
  matchedPrefix?: string;
  destinationRateId?: string;
  connectFee?: string;
  costBeforeRounding?: string;
  rounding?: { method?: string; decimals?: number };
  spans?: Span[];
}

const text = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v));

/** One usage event (/usage/:id): what the switch said, who it belongs to, and how it was priced in words and figures. */
export function mountUsageEvent(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/usage/:id', guard, async (c) => {
    const ctx = c.get('operationContext');
    const id = c.req.param('id');
    if (!/^\d{1,15}$/.test(id)) throw new BillingError('NOT_FOUND', `no usage event ${id}`);
    const e = await runOperation(showUsageEvent, ctx, { eventId: Number(id) });
    const b = (e.ratingBreakdown ?? {}) as Breakdown;
    const money = (v: string | undefined) => (v !== undefined && e.currency ? <Money value={v} currency={e.currency} /> : '—');
    const ms = (v: number | undefined) => (v === undefined ? '—' : shownUsage(e.service, v));
    return sendPage(
      c,
      <ConsolePage title={`Usage event ${e.id}`} active="/usage" session={pageSession(c)}>
        <p>
          <a href="/usage">← All usage</a>
        </p>
        <section aria-labelledby="event-head">
          <h2 id="event-head">The event</h2>
          <dl class="facts">
            <dt>Time</dt>
            <dd>{shownTime(e.startTime)}</dd>
            <dt>Line</dt>
            <dd>
              {e.subscriber} ({e.direction})
            </dd>
            <dt>Other party</dt>
            <dd>{e.otherParty}</dd>
            <dt>Destination</dt>
            <dd>{text(e.destination)}</dd>
            <dt>Category</dt>
            <dd>
              <span class="badge badge-info">{e.category}</span> {e.roaming !== 'none' ? `roaming ${e.roaming}` : ''}
            </dd>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={e.status} /> {e.ratingError ? `${e.ratingError.code}: ${e.ratingError.message ?? ''}` : ''}
            </dd>
            <dt>{e.service === 'voice' ? 'Duration' : 'Quantity'}</dt>
            <dd>{shownUsage(e.service, e.usage)}</dd>
            <dt>Cost</dt>
            <dd>{e.cost !== null && e.currency ? <Money value={e.cost} currency={e.currency} /> : 'not rated'}</dd>
            <dt>Account</dt>
            <dd>{e.accountId ? <a href={`/accounts/${encodeURIComponent(e.accountId)}`}>{e.accountId}</a> : 'no line of ours had this number then'}</dd>
            <dt>Invoice</dt>
            <dd>
              {e.invoice ? (
                <>
                  {e.invoice.number ? <a href={`/invoices/${encodeURIComponent(e.invoice.number)}`}>{e.invoice.number}</a> : `unnumbered (${e.invoice.period})`}{' '}
                  <StatusBadge status={e.invoice.status} />
                </>
              ) : (
                'not billed yet'
              )}
            </dd>
          </dl>
        </section>
        <section aria-labelledby="pricing-head">
          <h2 id="pricing-head">How it was priced</h2>
          {e.rating ? (
            <>
              <ol class="rating-steps">
                {e.rating.steps.map((s) => (
                  <li>{s}</li>
                ))}
              </ol>
              {e.rating.spansOmitted ? <p class="hint">{e.rating.spansOmitted} more spans are in the table below.</p> : null}
            </>
          ) : (
            <p>Not priced: {e.status === 'rated' ? 'rated without a tariff breakdown.' : `the event is ${e.status}.`}</p>
          )}
          {e.ratingBreakdown ? (
            <>
              <table class="tariff-rows">
                <caption>Tariff</caption>
                <tbody>
                  <tr>
                    <th scope="row">Tariff plan</th>
                    <td>{text(b.tariffPlanId)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Rating profile</th>
                    <td>{b.profile ? `${text(b.profile.tenant)} / ${text(b.profile.category)} / ${text(b.profile.subject)} (from ${text(b.profile.activationTime)})` : '—'}</td>
                  </tr>
                  <tr>
                    <th scope="row">Rating plan</th>
                    <td>{text(b.profile?.ratingPlanId)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Destination</th>
                    <td>
                      {text(b.destinationId)} (prefix {text(b.matchedPrefix)}), destination rate {text(b.destinationRateId)}
                    </td>
                  </tr>
                  <tr>
                    <th scope="row">Connect fee</th>
                    <td class="num">{money(b.connectFee)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Before rounding</th>
                    <td class="num">{money(b.costBeforeRounding)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Rounding</th>
                    <td>{b.rounding ? `${text(b.rounding.method)} to ${text(b.rounding.decimals)} decimals` : '—'}</td>
                  </tr>
                </tbody>
              </table>
              <div class="table-wrap">
                <table class="spans">
                  <caption>Spans</caption>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">From</th>
                      <th scope="col">Length</th>
                      <th scope="col">Rate</th>
                      <th scope="col">Timing</th>
                      <th scope="col" class="num">
                        Rate per unit
                      </th>
                      <th scope="col" class="num">
                        Increments
                      </th>
                      <th scope="col" class="num">
                        Per increment
                      </th>
                      <th scope="col" class="num">
                        Cost
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {(b.spans ?? []).map((s, i) => (
                      <tr>
                        <td>{i + 1}</td>
                        <td>{ms(s.offset === undefined || e.service !== 'voice' ? s.offset : Math.floor(s.offset / 1e6))}</td>
                        <td>{ms(s.usage === undefined || e.service !== 'voice' ? s.usage : Math.floor(s.usage / 1e6))}</td>
                        <td>
                          {text(s.rateId)} slot {text(s.slot)}
                        </td>
                        <td>{text(s.timingId)}</td>
                        <td class="num">
                          {text(s.rate)} per {ms(s.rateUnit === undefined || e.service !== 'voice' ? s.rateUnit : Math.floor(s.rateUnit / 1e6))}
                        </td>
                        <td class="num">{text(s.increments)}</td>
                        <td class="num">{text(s.incrementCost)}</td>
                        <td class="num">{money(s.cost)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </section>
        <section aria-labelledby="fields-head">
          <h2 id="fields-head">The switch's fields</h2>
          {Object.keys(e.attributes).length ? (
            <table class="attributes">
              <tbody>
                {Object.entries(e.attributes).map(([k, v]) => (
                  <tr>
                    <th scope="row">{k}</th>
                    <td>{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="hint">No further fields.</p>
          )}
        </section>
      </ConsolePage>,
    );
  });
}
