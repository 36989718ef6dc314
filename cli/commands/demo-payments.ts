import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { importPayments, type ImportResult } from '../../app/payments/index.ts';
import { getOperatorSettings, listInvoices, type Store } from '../../db/index.ts';
import { accountHolderNames, listPayments } from '../../db/payment-ledger-store.ts';
import { buildCamt053, type Camt053Transaction } from '../../tools/payments/index.ts';
import { buildPaymentStatement, scoreMatching } from '../../evals/generator/payment-statement.ts';

/** The operator's collection account at its bank, as the demo's statements name it. */
export const DEMO_OPERATOR_IBAN = 'GB29NWBK60161331926819';

/**
 * The bank statement of the billed month, built from the demo's own issued invoices (so the
 * references and amounts are real) by the same generator the matching benchmark uses: payments by
 * RF reference, by invoice number in the text (some without dashes, some with a typo), under- and
 * overpayments, a batch, strangers, and a direct-debit return of one payment. A camt.054
 * notification of one of its transactions comes first, so the statement repeats it (a duplicate).
 * Every count printed comes from the import itself.
 */
export function importDemoStatement(
  store: Store,
  opts: { dir: string; seed: number; period: string },
): { file: string; notification: ImportResult; statement: ImportResult; score: ReturnType<typeof scoreMatching> } {
  const tenant = getOperatorSettings(store).tenant;
  const issued = listInvoices(store, { period: opts.period, status: 'issued', limit: 100_000 })
    .filter((i) => i.kind === 'invoice' && i.number)
    .sort((a, b) => a.id - b.id);
  const holders = new Map(accountHolderNames(store, tenant).map((h) => [h.accountId, h.name]));
  const built = buildPaymentStatement(
    issued.map((i) => ({ number: i.number!, accountId: i.accountId, total: i.total, currency: i.currency, ...(holders.has(i.accountId) ? { holder: holders.get(i.accountId)! } : {}) })),
    { seed: opts.seed, bookingDate: '2025-04-15', iban: DEMO_OPERATOR_IBAN, statementId: `STMT-${opts.period}` },
  );
  mkdirSync(opts.dir, { recursive: true });
  const file = join(opts.dir, `statement-${opts.period}.camt053.xml`);
  writeFileSync(file, built.xml);
  // The morning's notification of the first transaction: the statement then brings it again.
  const first = built.statement.entries[0]![0]!;
  const notification = importPayments(store, tenant, { content: notificationOf(first), fileName: 'notification.camt054.xml', by: 'demo', today: '2025-04-15' });
  const statement = importPayments(store, tenant, { content: built.xml, fileName: file, by: 'demo', today: '2025-04-16' });
  const score = scoreMatching(built.truth, listPayments(store, tenant, { importId: statement.importId, limit: 100_000 }), DEMO_OPERATOR_IBAN);
  return { file, notification, statement, score };
}

/** A camt.054 credit notification of one transaction (same account and AcctSvcrRef as the statement's). */
function notificationOf(t: Camt053Transaction): string {
  // camt.054 shares camt.053's entry structure: the statement writer's entry is reused under a notification root.
  const stmt = buildCamt053('NTF', [{ id: 'NTF-1', iban: DEMO_OPERATOR_IBAN, created: '2025-04-15T09:00:00Z', entries: [[t]] }]);
  return stmt
    .replace('camt.053.001.08', 'camt.054.001.08')
    .replace('<BkToCstmrStmt>', '<BkToCstmrDbtCdtNtfctn>')
    .replace('</BkToCstmrStmt>', '</BkToCstmrDbtCdtNtfctn>')
    .replace('<Stmt>', '<Ntfctn>')
    .replace('</Stmt>', '</Ntfctn>');
}
