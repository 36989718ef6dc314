import type { Child } from 'hono/jsx';
import type { StoredProposal } from '../../../tools/approval/index.ts';
import { Money } from '../components.tsx';

/** An invoice or credit note number as a link to its page. */
export function InvoiceLink(props: { number: string }) {
  return <a href={`/invoices/${encodeURIComponent(props.number)}`}>{props.number}</a>;
}

/** A label and its value in a definition list. */
function Row(props: { label: string; children: Child }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

type Note = { accountId: string; kind: string; number: string | null; total: string; corrects: string };

/** The credit and debit notes a re-rate would issue. */
function Notes(props: { notes: readonly Note[] | undefined; currency: string }) {
  if (!props.notes?.length) return <p>No notes: nothing billed changes.</p>;
  return (
    <table>
      <caption>Notes it would issue</caption>
      <thead>
        <tr>
          <th scope="col">Account</th>
          <th scope="col">Kind</th>
          <th scope="col">Corrects</th>
          <th scope="col" class="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {props.notes.map((n) => (
          <tr>
            <td>{n.accountId}</td>
            <td>{n.kind}</td>
            <td>
              <InvoiceLink number={n.corrects} />
            </td>
            <td class="num">
              <Money value={n.total} currency={props.currency} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * What the billing tools computed when the proposal was made, by kind: the credited line and the
 * credit note's net, tax and total; the hold reasons; the instalments; the re-rate's notes.
 */
export function ProposalFigures(props: { proposal: StoredProposal }) {
  const p = props.proposal;
  const cur = p.currency;
  switch (p.kind) {
    case 'fee_waiver':
    case 'credit': {
      const pl = p.payload;
      return (
        <>
          <dl class="facts">
            {pl.invoiceNumber ? (
              <Row label="Invoice">
                <InvoiceLink number={pl.invoiceNumber} />
              </Row>
            ) : null}
            <Row label="Line">{pl.lineDescription ? `${pl.lineDescription} (${pl.lineId})` : pl.lineId}</Row>
            {pl.lineAmount ? (
              <Row label="Line amount">
                <Money value={pl.lineAmount} currency={cur} />
              </Row>
            ) : null}
            {pl.lineCharged ? (
              <Row label="Still charged on the line">
                <Money value={pl.lineCharged} currency={cur} />
              </Row>
            ) : null}
          </dl>
          {pl.preview ? (
            <table class="credit-preview">
              <caption>{p.status === 'posted' ? 'The credit note, as computed when proposed' : 'The credit note it would issue'}</caption>
              <tbody>
                <tr>
                  <th scope="row">Net</th>
                  <td class="num">
                    <Money value={pl.preview.subtotal} currency={cur} />
                  </td>
                </tr>
                {pl.preview.taxes.map((t) => (
                  <tr>
                    <th scope="row">
                      {t.name}
                      {t.ratePercent ? ` (${t.ratePercent}%)` : ''}
                    </th>
                    <td class="num">
                      <Money value={t.amount} currency={cur} />
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Tax</th>
                  <td class="num">
                    <Money value={pl.preview.taxTotal} currency={cur} />
                  </td>
                </tr>
                <tr class="total">
                  <th scope="row">Total</th>
                  <td class="num">
                    <Money value={pl.preview.total} currency={cur} />
                  </td>
                </tr>
              </tbody>
            </table>
          ) : null}
        </>
      );
    }
    case 'release_hold':
      return (
        <dl class="facts">
          <Row label="Held because">{p.payload.holdReasons?.length ? p.payload.holdReasons.map((r) => r.message).join('; ') : 'not recorded'}</Row>
          {p.payload.total ? (
            <Row label="Invoice total">
              <Money value={p.payload.total} currency={cur} />
            </Row>
          ) : null}
        </dl>
      );
    case 'void_invoice':
      return (
        <dl class="facts">
          {p.payload.number ? (
            <Row label="Invoice">
              <InvoiceLink number={p.payload.number} />
            </Row>
          ) : null}
          {p.payload.status ? <Row label="Its status">{p.payload.status}</Row> : null}
          {p.payload.total ? (
            <Row label="Invoice total">
              <Money value={p.payload.total} currency={cur} />
            </Row>
          ) : null}
        </dl>
      );
    case 'rerate':
      return (
        <>
          <dl class="facts">
            <Row label="Period">{p.payload.period}</Row>
            {p.payload.events ? <Row label="Events">{`${p.payload.events.considered} considered, ${p.payload.events.changed} changed, ${p.payload.events.repriced} repriced`}</Row> : null}
          </dl>
          <Notes notes={p.payload.notes} currency={cur} />
        </>
      );
    case 'recategorise':
      return (
        <>
          <dl class="facts">
            <Row label="Event">{String(p.payload.eventId)}</Row>
            <Row label="Category">{`${p.payload.from ?? '?'} → ${p.payload.category}`}</Row>
            {p.payload.oldCost ? (
              <Row label="Cost before">
                <Money value={p.payload.oldCost} currency={cur} />
              </Row>
            ) : null}
            {p.payload.newCost ? (
              <Row label="Cost after">
                <Money value={p.payload.newCost} currency={cur} />
              </Row>
            ) : null}
          </dl>
          <Notes notes={p.payload.notes} currency={cur} />
        </>
      );
    case 'payment_plan':
      return (
        <table>
          <caption>Instalments</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Due</th>
              <th scope="col" class="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {p.payload.instalments.map((i) => (
              <tr>
                <td>{i.sequence}</td>
                <td>{i.dueDate}</td>
                <td class="num">
                  <Money value={i.amount} currency={cur} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'customer_dispute':
    case 'callback_request':
      return (
        <dl class="facts">
          <Row label="Account">{p.payload.accountId}</Row>
          {p.payload.invoiceNumber ? (
            <Row label="Invoice">
              <a href={`/invoices/${encodeURIComponent(p.payload.invoiceNumber)}`}>{p.payload.invoiceNumber}</a>
            </Row>
          ) : null}
          {p.payload.lineDescription ? <Row label="Line">{p.payload.lineDescription}</Row> : null}
          <Row label="The customer wrote">
            <span class="customer-words">{p.payload.words}</span>
          </Row>
          <Row label="Money">none: a case moves no money; a credit or waiver for it is a proposal of its own</Row>
        </dl>
      );
    case 'bar_line':
      return (
        <dl class="facts">
          <Row label="Line">{p.payload.subscriber}</Row>
          <Row label="Alert">
            <a href={`/alerts/${p.payload.alertId}`}>
              {p.payload.detector} alert {p.payload.alertId} ({p.payload.severity})
            </a>
          </Row>
          <Row label="Found">{p.payload.alertSummary}</Row>
          <Row label="Approving">records the line as barred (its calls to be refused by provisioning); no money moves</Row>
        </dl>
      );
    case 'refund': {
      const pl = p.payload;
      const check = pl.destinationCheck;
      return (
        <>
          <dl class="facts">
            <Row label="Pays">
              {pl.holderName}, IBAN <code>{pl.iban}</code>
            </Row>
            <Row label="Credit balance when proposed">
              <Money value={pl.creditBalance} currency={cur} />
            </Row>
            <Row label="Account paid from">{check.paidFrom.length ? check.paidFrom.join(', ') : 'no payment in the look-back'}</Row>
            <Row label="Destination check">{check.passed ? 'passed: the account paid from this IBAN' : `FLAGGED (${check.severity}): this IBAN never paid the account`}</Row>
          </dl>
          {check.passed ? null : (
            <section class="card refund-flag" aria-label="Why the destination is flagged">
              <p>{check.summary}</p>
              <ul>
                {check.signals.map((s) => (
                  <li>{s}</li>
                ))}
              </ul>
              <p>Approving still pays it out: check with the customer through a channel you already know before approving.</p>
            </section>
          )}
        </>
      );
    }
    case 'adopt_tax_pack':
      return (
        <dl class="facts">
          <Row label="Pack">{`${p.payload.packId} ${p.payload.version} (replaces ${p.payload.replaces})`}</Row>
          <Row label="From">{p.payload.effectiveFrom}</Row>
          <Row label="Changes">
            <ul>
              {p.payload.changes.map((c) => (
                <li>{c}</li>
              ))}
            </ul>
          </Row>
          {p.payload.preview ? (
            <Row label="Preview">
              {`${p.payload.preview.period}: ${p.payload.preview.changed} of ${p.payload.preview.invoices} invoices change (${p.payload.preview.totals.map((t) => `${t.difference} ${t.currency}`).join(', ') || 'nothing'}); ${p.payload.preview.failing} would fail the compliance check`}
            </Row>
          ) : null}
          <Row label="Approving">bills from the effective date use the version; invoices already issued are never changed</Row>
        </dl>
      );
    case 'dunning_step':
      return (
        <dl class="facts">
          <Row label="Step">{p.payload.action ? `${p.payload.step} (${p.payload.action})` : p.payload.step}</Row>
          {p.payload.daysPastDue !== undefined ? <Row label="Days past due">{String(p.payload.daysPastDue)}</Row> : null}
          {p.payload.lateFee ? (
            <Row label="Late fee">
              <Money value={p.payload.lateFee} currency={cur} />
            </Row>
          ) : null}
        </dl>
      );
  }
}
