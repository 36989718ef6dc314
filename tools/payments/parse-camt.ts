import { BillingError } from '../errors.ts';
import { dec, minorUnits } from '../money/index.ts';
import type { PaymentKind } from './payment.types.ts';
import type { ParsedStatementFile, StatementEntry } from './statement-entry.types.ts';
import { at, attr, kids, parseXml, textAt, type XmlNode } from './xml-node.ts';

/** The root element and the statement element of each camt message we read. */
const MESSAGES = {
  'camt.053': { root: 'BkToCstmrStmt', statement: 'Stmt' },
  'camt.054': { root: 'BkToCstmrDbtCdtNtfctn', statement: 'Ntfctn' },
} as const;

type CamtFormat = keyof typeof MESSAGES;

/** An amount element (`<Amt Ccy="EUR">12.50</Amt>`) read exactly, or a BillingError naming where. */
function amountOf(node: XmlNode | undefined, where: string): { amount: string; currency: string } | null {
  if (!node) return null;
  const text = typeof node['#text'] === 'string' ? node['#text'].trim() : '';
  const currency = attr(node, 'Ccy');
  if (!/^\d+(\.\d+)?$/.test(text)) throw new BillingError('INVALID_INPUT', `${where}: amount "${text.slice(0, 30)}" is not a positive decimal`);
  if (!currency || !/^[A-Z]{3}$/.test(currency)) throw new BillingError('INVALID_INPUT', `${where}: amount has no currency (Ccy)`);
  const places = text.includes('.') ? text.split('.')[1]!.length : 0;
  if (places > minorUnits(currency)) throw new BillingError('INVALID_INPUT', `${where}: amount ${text} has more decimals than ${currency} allows`);
  return { amount: dec(text).toFixed(minorUnits(currency)), currency };
}

/** A date element holding `Dt` (YYYY-MM-DD) or `DtTm` (ISO date-time): its calendar date. */
function dateOf(node: XmlNode | undefined): string | null {
  const d = textAt(node, 'Dt') ?? textAt(node, 'DtTm')?.slice(0, 10) ?? null;
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
}

/** A party's name, as camt.053 v2 (`Dbtr/Nm`) or v8+ (`Dbtr/Pty/Nm`) writes it. */
function partyName(parties: XmlNode | undefined, role: string): string | null {
  return textAt(parties, role, 'Nm') ?? textAt(parties, role, 'Pty', 'Nm');
}

/** What an entry or transaction is: a reversal (RvslInd), a return (RtrInf), a payment in, or another debit. */
function kindOf(creditDebit: string, reversal: boolean, returned: boolean): PaymentKind {
  if (reversal) return 'reversal';
  if (returned) return 'return';
  // A debit that is neither a return nor a reversal is money paid out: held for a person as a refund entry.
  return creditDebit === 'CRDT' ? 'payment' : 'refund';
}

/** Reads one entry (Ntry) into one entry of ours per transaction (TxDtls), checking a batch adds up to the entry. */
function readEntry(ntry: XmlNode, ctx: { statementId: string; account: string | null; entryIndex: number; nextNo: () => number }): StatementEntry[] {
  const where = `statement ${ctx.statementId}, entry ${ctx.entryIndex}`;
  const total = amountOf(at(ntry, 'Amt'), where);
  if (!total) throw new BillingError('INVALID_INPUT', `${where}: no Amt`);
  const cdtDbt = textAt(ntry, 'CdtDbtInd');
  if (cdtDbt !== 'CRDT' && cdtDbt !== 'DBIT') throw new BillingError('INVALID_INPUT', `${where}: CdtDbtInd must be CRDT or DBIT, not ${cdtDbt ?? 'missing'}`);
  const status = textAt(ntry, 'Sts', 'Cd') ?? textAt(ntry, 'Sts');
  const bookingDate = dateOf(at(ntry, 'BookgDt'));
  if (!bookingDate) throw new BillingError('INVALID_INPUT', `${where}: no booking date (BookgDt/Dt)`);
  if (status && status !== 'BOOK') return []; // pending (PDNG) or information-only entries move no money yet
  const entryRef = textAt(ntry, 'AcctSvcrRef') ?? textAt(ntry, 'NtryRef');
  const reversal = textAt(ntry, 'RvslInd') === 'true';
  const txs = kids(ntry, 'NtryDtls').flatMap((d) => kids(d, 'TxDtls'));
  const valueDate = dateOf(at(ntry, 'ValDt'));
  const prefix = ctx.account ? `${ctx.account}:` : '';
  // An entry with no transaction details is one transaction of the entry's own amount.
  const list = txs.length ? txs : [undefined];
  const out = list.map((tx, i): StatementEntry => {
    const txWhere = txs.length > 1 ? `${where}, transaction ${i + 1}` : where;
    const amt = tx ? (amountOf(at(tx, 'Amt'), txWhere) ?? amountOf(at(tx, 'AmtDtls', 'TxAmt', 'Amt'), txWhere)) : null;
    if (!amt && list.length > 1) throw new BillingError('INVALID_INPUT', `${txWhere}: a transaction of a batch has no Amt`);
    const { amount, currency } = amt ?? total;
    const txDirection = (tx && textAt(tx, 'CdtDbtInd')) ?? cdtDbt;
    const rtr = at(tx, 'RtrInf');
    const returnReason = rtr ? (textAt(rtr, 'Rsn', 'Cd') ?? textAt(rtr, 'Rsn', 'Prtry')) : null;
    const e2eRaw = textAt(tx, 'Refs', 'EndToEndId');
    const endToEndId = e2eRaw && e2eRaw !== 'NOTPROVIDED' ? e2eRaw : null;
    const txRef = textAt(tx, 'Refs', 'AcctSvcrRef');
    const kind = kindOf(txDirection, reversal, Boolean(rtr));
    const key = txRef ?? (entryRef ? (list.length > 1 ? `${entryRef}/${i + 1}` : entryRef) : endToEndId ? `e2e:${endToEndId}:${kind}` : null);
    if (!key) throw new BillingError('INVALID_INPUT', `${txWhere}: no AcctSvcrRef or EndToEndId to tell the entry by`);
    const strd = kids(at(tx, 'RmtInf'), 'Strd');
    const creditorReference = strd.map((s) => textAt(s, 'CdtrRefInf', 'Ref')).find((r) => r !== null) ?? null;
    const ustrd = kids(at(tx, 'RmtInf'), 'Ustrd')
      .map((u) => (typeof u['#text'] === 'string' ? u['#text'].trim() : ''))
      .filter(Boolean)
      .join(' ');
    const parties = at(tx, 'RltdPties');
    const payerName = partyName(parties, 'Dbtr') ?? (txDirection === 'DBIT' ? partyName(parties, 'Cdtr') : null);
    const payerIban = textAt(parties, 'DbtrAcct', 'Id', 'IBAN') ?? (txDirection === 'DBIT' ? textAt(parties, 'CdtrAcct', 'Id', 'IBAN') : null);
    const originalRef = kind === 'return' || kind === 'reversal' ? (textAt(rtr, 'OrgnlTxRef', 'EndToEndId') ?? endToEndId) : null;
    return {
      entryNo: ctx.nextNo(),
      statementId: ctx.statementId,
      entryKey: `${prefix}${key}`,
      kind,
      bookingDate,
      valueDate,
      amount,
      currency,
      payerName,
      payerIban: payerIban?.replace(/\s+/g, '').toUpperCase() ?? null,
      payerToken: null,
      creditorReference,
      remittance: ustrd || null,
      endToEndId,
      originalRef,
      returnReason,
    };
  });
  if (out.some((e) => e.currency !== total.currency)) throw new BillingError('INVALID_INPUT', `${where}: a transaction's currency differs from the entry's ${total.currency}`);
  const sum = out.reduce((s, e) => s.plus(dec(e.amount)), dec(0));
  if (!sum.eq(dec(total.amount)))
    throw new BillingError('INVALID_INPUT', `${where}: its transactions add up to ${sum.toFixed(minorUnits(total.currency))}, not the entry's ${total.amount} ${total.currency}`);
  return out;
}

/**
 * Reads an ISO 20022 camt.053 bank-to-customer statement or camt.054 debit/credit notification
 * (any version: elements are read by local name): every booked transaction of every statement, in
 * file order. Pending entries (Sts PDNG) are left out: they have not moved money yet.
 */
export function parseCamt(xml: string, format: CamtFormat): ParsedStatementFile {
  const doc = parseXml(xml, format);
  const spec = MESSAGES[format];
  const root = at(doc, 'Document', spec.root);
  if (!root) {
    const other = (Object.keys(MESSAGES) as CamtFormat[]).find((f) => at(doc, 'Document', MESSAGES[f].root));
    throw new BillingError('UNSUPPORTED_FORMAT', `not a ${format} message (no Document/${spec.root})${other ? `: it looks like ${other}; use --format ${other}` : ''}`);
  }
  const statements = kids(root, spec.statement);
  if (!statements.length) throw new BillingError('INVALID_INPUT', `${format}: no ${spec.statement} element`);
  let n = 0;
  const nextNo = () => ++n;
  const entries: StatementEntry[] = [];
  const read: ParsedStatementFile['statements'] = [];
  statements.forEach((stmt, s) => {
    const id = textAt(stmt, 'Id');
    if (!id) throw new BillingError('INVALID_INPUT', `${format}: ${spec.statement} ${s + 1} has no Id`);
    const account = textAt(stmt, 'Acct', 'Id', 'IBAN')?.replace(/\s+/g, '').toUpperCase() ?? textAt(stmt, 'Acct', 'Id', 'Othr', 'Id');
    const before = entries.length;
    let pending = 0;
    kids(stmt, 'Ntry').forEach((ntry, i) => {
      const got = readEntry(ntry, { statementId: id, account, entryIndex: i + 1, nextNo });
      if (!got.length) pending += 1;
      entries.push(...got);
    });
    read.push({ id, account, entries: entries.length - before, pending });
  });
  return { format, statements: read, entries };
}
