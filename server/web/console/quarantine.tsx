import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { runOperation } from '../../../app/index.ts';
import { listQuarantined, replayQuarantined, type quarantineRowSchema } from '../../../app/quarantine/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import { Notice, StatusBadge } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

type QuarantineRow = z.output<typeof quarantineRowSchema>;

const STATUSES = ['open', 'replayed', 'all'] as const;
type StatusFilter = (typeof STATUSES)[number];

/** What the last replay did, read back from the redirect's query (PRG): only ids, an outcome word and a reason code. */
interface ReplayResult {
  id: number;
  outcome: 'accepted' | 'duplicate' | 'still_quarantined';
  eventId: number | null;
  reason: string | null;
}

function readResult(c: Context): ReplayResult | null {
  const id = c.req.query('replayed');
  const outcome = c.req.query('outcome');
  if (!id || !/^\d{1,15}$/.test(id) || (outcome !== 'accepted' && outcome !== 'duplicate' && outcome !== 'still_quarantined')) return null;
  const event = c.req.query('event');
  const reason = c.req.query('reason');
  return { id: Number(id), outcome, eventId: event && /^\d{1,15}$/.test(event) ? Number(event) : null, reason: reason && /^[A-Z_]{1,60}$/.test(reason) ? reason : null };
}

/** The replay's outcome in plain words: the event it became, or why the line is still bad. */
function ResultNotice(props: { result: ReplayResult; rows: readonly QuarantineRow[] }) {
  const r = props.result;
  if (r.outcome !== 'still_quarantined') {
    return (
      <Notice tone="ok">
        Record {r.id} replayed: {r.outcome === 'duplicate' ? 'the event was already there, ' : ''}
        {r.eventId !== null ? (
          <>
            usage event <a href={`/usage/${r.eventId}`}>{r.eventId}</a>.
          </>
        ) : (
          'no event id was found.'
        )}
      </Notice>
    );
  }
  const row = props.rows.find((q) => q.id === r.id);
  return (
    <Notice tone="error">
      Record {r.id} is still in quarantine: {r.reason ?? 'unreadable'}
      {row ? ` — ${row.message}` : ''}. Correct the line below and replay it again.
    </Notice>
  );
}

/** One quarantined record: why, the line as it came (escaped text in a pre), and the fix-and-replay form while open. */
function QuarantineRecord(props: { row: QuarantineRow; csrfToken: string }) {
  const q = props.row;
  const fieldId = `raw-${q.id}`;
  return (
    <article class="card quarantine-record" id={`q-${q.id}`} data-quarantine={String(q.id)} aria-labelledby={`h-q-${q.id}`}>
      <h2 id={`h-q-${q.id}`}>
        Record {q.id} <StatusBadge status={q.status} />
      </h2>
      <p>
        <code>{q.reason}</code> {q.message}
      </p>
      <p class="hint">
        Batch {q.batchId}, line {q.lineNo}, quarantined {q.createdAt}
        {q.resolvedAt ? `, resolved ${q.resolvedAt}` : ''}
      </p>
      <pre class="raw">{q.raw}</pre>
      {q.status === 'open' ? (
        <form method="post" action={`/quarantine/${q.id}/replay`} class="replay">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <label for={fieldId}>Corrected line for record {q.id}</label>
          <textarea id={fieldId} name="raw" rows={3} required spellcheck={false}>
            {q.raw}
          </textarea>
          <button type="submit">Replay record {q.id}</button>
        </form>
      ) : q.replayedEventId !== null ? (
        <p>
          Became usage event <a href={`/usage/${q.replayedEventId}`}>{q.replayedEventId}</a>.
        </p>
      ) : null}
    </article>
  );
}

/**
 * The quarantine page (/quarantine): each record with its reason, message and raw line; fix a line
 * and replay it (quarantine.replay, PRG), the outcome shown plainly; open, replayed or all.
 */
export function mountQuarantine(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/quarantine', guard, async (c) => {
    const ctx = c.get('operationContext');
    const asked = c.req.query('status');
    const status: StatusFilter = STATUSES.includes(asked as StatusFilter) ? (asked as StatusFilter) : 'open';
    const list = await runOperation(listQuarantined, ctx, { status, limit: 100 });
    const result = readResult(c);
    const session = pageSession(c);
    return sendPage(
      c,
      <ConsolePage title="Quarantine" active="/quarantine" session={session}>
        {result ? <ResultNotice result={result} rows={list.rows} /> : null}
        <form method="get" action="/quarantine" class="filters card" aria-label="Filter quarantine">
          <div class="field">
            <label for="f-status">Show</label>
            <select id="f-status" name="status">
              {STATUSES.map((s) => (
                <option value={s} selected={s === status}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Show</button>
        </form>
        <p class="hint" role="status">
          {list.total === 1 ? '1 record' : `${list.total} records`} {status === 'all' ? 'in all' : status}
          {list.total > list.rows.length ? ` (the newest ${list.rows.length} shown)` : ''}
        </p>
        {list.rows.length === 0 ? <Notice tone="info">{status === 'open' ? 'Nothing is waiting in quarantine.' : 'No record here.'}</Notice> : null}
        {list.rows.map((row) => (
          <QuarantineRecord row={row} csrfToken={session.csrfToken} />
        ))}
      </ConsolePage>,
    );
  });

  web.post('/quarantine/:id/replay', guard, async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,15}$/.test(id)) throw new BillingError('NOT_FOUND', `no quarantined record ${id}`);
    const form = await c.req.parseBody();
    // A textarea sends CRLF line ends and often a trailing newline; the record is the one line.
    const raw = typeof form.raw === 'string' ? form.raw.replace(/[\r\n]+$/, '') : '';
    if (raw === '') throw new BillingError('INVALID_INPUT', 'the corrected line is empty; paste the whole line');
    if (/[\r\n]/.test(raw)) throw new BillingError('INVALID_INPUT', 'the corrected line holds more than one line; a record is one line');
    const report = await runOperation(replayQuarantined, c.get('operationContext'), { id: Number(id), raw });
    const r = report.results[0];
    const q = new URLSearchParams({ replayed: id, outcome: r?.outcome ?? 'still_quarantined' });
    if (r?.eventId !== undefined) q.set('event', String(r.eventId));
    if (r?.reason) q.set('reason', r.reason);
    return c.redirect(`/quarantine?${q}#${r?.outcome === 'still_quarantined' ? `q-${id}` : 'main'}`, 303);
  });
}
