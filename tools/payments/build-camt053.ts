import { dec, minorUnits } from '../money/index.ts';

/** One transaction to write into a statement: a payment in, or a return/reversal of one. */
export interface Camt053Transaction {
  /** The bank's reference of the transaction (AcctSvcrRef): the entry key. */
  ref: string;
  kind: 'payment' | 'return' | 'reversal';
  amount: string;
  currency: string;
  bookingDate: string;
  endToEndId?: string;
  payerName?: string;
  payerIban?: string;
  creditorReference?: string;
  remittance?: string;
  returnReason?: string;
}

/** A statement: its id, the operator's account and its entries (an entry of several transactions is a batch). */
export interface Camt053Statement {
  id: string;
  iban: string;
  created: string;
  entries: Camt053Transaction[][];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function tx(t: Camt053Transaction): string {
  const debit = t.kind !== 'payment';
  const parties = [t.payerName ? `<Dbtr><Nm>${esc(t.payerName)}</Nm></Dbtr>` : '', t.payerIban ? `<DbtrAcct><Id><IBAN>${esc(t.payerIban)}</IBAN></Id></DbtrAcct>` : ''].join('');
  const rmt = [
    t.remittance ? `<Ustrd>${esc(t.remittance)}</Ustrd>` : '',
    t.creditorReference ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>${esc(t.creditorReference)}</Ref></CdtrRefInf></Strd>` : '',
  ].join('');
  return [
    '<TxDtls>',
    `<Refs><AcctSvcrRef>${esc(t.ref)}</AcctSvcrRef><EndToEndId>${esc(t.endToEndId ?? 'NOTPROVIDED')}</EndToEndId></Refs>`,
    `<Amt Ccy="${esc(t.currency)}">${t.amount}</Amt>`,
    debit ? '<CdtDbtInd>DBIT</CdtDbtInd>' : '<CdtDbtInd>CRDT</CdtDbtInd>',
    parties ? `<RltdPties>${parties}</RltdPties>` : '',
    rmt ? `<RmtInf>${rmt}</RmtInf>` : '',
    t.kind === 'return' ? `<RtrInf><Rsn><Cd>${esc(t.returnReason ?? 'MD06')}</Cd></Rsn></RtrInf>` : '',
    '</TxDtls>',
  ].join('');
}

function entry(txs: Camt053Transaction[], n: number): string {
  const first = txs[0]!;
  const amount = txs.reduce((s, t) => s.plus(dec(t.amount)), dec(0)).toFixed(minorUnits(first.currency));
  const debit = first.kind !== 'payment';
  return [
    '<Ntry>',
    `<NtryRef>${n}</NtryRef>`,
    `<Amt Ccy="${esc(first.currency)}">${amount}</Amt>`,
    `<CdtDbtInd>${debit ? 'DBIT' : 'CRDT'}</CdtDbtInd>`,
    first.kind === 'reversal' ? '<RvslInd>true</RvslInd>' : '',
    '<Sts><Cd>BOOK</Cd></Sts>',
    `<BookgDt><Dt>${first.bookingDate}</Dt></BookgDt><ValDt><Dt>${first.bookingDate}</Dt></ValDt>`,
    `<AcctSvcrRef>NTRY-${esc(first.ref)}</AcctSvcrRef>`,
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${debit ? 'IDDT' : 'RCDT'}</Cd><SubFmlyCd>${first.kind === 'return' ? 'UPDD' : 'ESCT'}</SubFmlyCd></Fmly></Domn></BkTxCd>`,
    `<NtryDtls>${txs.length > 1 ? `<Btch><NbOfTxs>${txs.length}</NbOfTxs></Btch>` : ''}${txs.map(tx).join('')}</NtryDtls>`,
    '</Ntry>',
  ].join('');
}

/**
 * Writes a camt.053.001.08 bank-to-customer statement with the given statements and entries, as a
 * bank would send it (the demo and the matching benchmark build theirs from real invoices). Amounts
 * stay decimal text; an entry's total is their exact sum.
 */
export function buildCamt053(messageId: string, statements: readonly Camt053Statement[]): string {
  let n = 0;
  const stmts = statements.map((s) =>
    [
      '<Stmt>',
      `<Id>${esc(s.id)}</Id><CreDtTm>${s.created}</CreDtTm>`,
      `<Acct><Id><IBAN>${esc(s.iban)}</IBAN></Id><Ccy>${esc(s.entries[0]?.[0]?.currency ?? 'EUR')}</Ccy></Acct>`,
      s.entries.map((e) => entry(e, ++n)).join(''),
      '</Stmt>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>${esc(messageId)}</MsgId><CreDtTm>${statements[0]?.created ?? ''}</CreDtTm></GrpHdr>${stmts.join('')}</BkToCstmrStmt></Document>\n`;
}
