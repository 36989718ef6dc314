import type { Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { listUsageEvents } from '../../../app/usage/index.ts';
import { USAGE_STATUSES } from '../../../tools/cdr/usage-record.types.ts';
import { CALL_CATEGORIES } from '../../../tools/classify/classification.types.ts';
import { Money, StatusBadge } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';
import { mountUsageEvent } from './usage-event.tsx';
import { dayStart, shownTime, shownUsage } from './usage-format.ts';

const PAGE_SIZE = 50;
const FILTERS = ['status', 'category', 'accountId', 'subscriber', 'from', 'to'] as const;

/** A select of a filter form, its current value chosen. */
function Choice(props: { label: string; name: string; value: string; options: readonly string[] }) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">any</option>
        {props.options.map((o) => (
          <option value={o} selected={o === props.value}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The usage pages: events filtered and paged (/usage), and one event with its pricing (/usage/:id). */
export function mountUsage(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/usage', guard, async (c) => {
    const ctx = c.get('operationContext');
    const q = Object.fromEntries(FILTERS.map((k) => [k, (c.req.query(k) ?? '').trim()])) as Record<(typeof FILTERS)[number], string>;
    const cursor = c.req.query('cursor') || undefined;
    // Empty fields are no filter; the dates are whole UTC days, the "to" day included.
    const input = {
      ...(q.status ? { status: q.status } : {}),
      ...(q.category ? { category: q.category } : {}),
      ...(q.accountId ? { accountId: q.accountId } : {}),
      ...(q.subscriber ? { subscriber: q.subscriber } : {}),
      ...(dayStart(q.from) ? { from: dayStart(q.from) } : {}),
      ...(dayStart(q.to, 1) ? { to: dayStart(q.to, 1) } : {}),
      ...(cursor ? { cursor } : {}),
      limit: PAGE_SIZE,
    };
    const page = await runOperation(listUsageEvents, ctx, input);
    const kept = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== ''));
    const next = page.nextCursor ? `/usage?${new URLSearchParams([...kept, ['cursor', page.nextCursor]])}` : null;
    return sendPage(
      c,
      <ConsolePage title="Usage" active="/usage" session={pageSession(c)}>
        <form method="get" action="/usage" class="filters card" aria-label="Filter usage events">
          <Choice label="Status" name="status" value={q.status} options={USAGE_STATUSES} />
          <Choice label="Category" name="category" value={q.category} options={CALL_CATEGORIES} />
          <div class="field">
            <label for="f-accountId">Account</label>
            <input id="f-accountId" name="accountId" value={q.accountId} placeholder="A1" size={10} />
          </div>
          <div class="field">
            <label for="f-subscriber">Line (number)</label>
            <input id="f-subscriber" name="subscriber" value={q.subscriber} placeholder="447700900123" size={16} />
          </div>
          <div class="field">
            <label for="f-from">From (UTC day)</label>
            <input id="f-from" name="from" type="date" value={q.from} />
          </div>
          <div class="field">
            <label for="f-to">To (UTC day, included)</label>
            <input id="f-to" name="to" type="date" value={q.to} />
          </div>
          <button type="submit">Filter</button>
          <a class="button secondary" href="/usage">
            Clear
          </a>
        </form>
        <p class="hint" role="status">
          {page.events.length === 0 ? 'No events match.' : `${page.events.length} events${cursor ? ' on this page' : ''}${next ? ', newest first; more follow' : ''}.`}
        </p>
        {page.events.length ? (
          <div class="table-wrap">
            <table class="usage-events">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Line</th>
                  <th scope="col">Destination</th>
                  <th scope="col">Category</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="num">
                    Duration / quantity
                  </th>
                  <th scope="col" class="num">
                    Cost
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.events.map((e) => (
                  <tr>
                    <td>
                      <a href={`/usage/${e.id}`}>{shownTime(e.startTime)}</a>
                    </td>
                    <td>{e.subscriber}</td>
                    <td>{e.destination ?? e.otherParty}</td>
                    <td>
                      <span class="badge badge-info">{e.category}</span>
                    </td>
                    <td>
                      <StatusBadge status={e.status} />
                    </td>
                    <td class="num">{shownUsage(e.service, e.usage)}</td>
                    <td class="num">{e.cost !== null && e.currency ? <Money value={e.cost} currency={e.currency} /> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {next ? (
          <p>
            <a class="button secondary" href={next}>
              Older events
            </a>
          </p>
        ) : null}
      </ConsolePage>,
    );
  });
  mountUsageEvent(web, guard);
}
