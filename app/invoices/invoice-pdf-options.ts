import { getOperatorSettings, usageRowsForNumbers, type AccountBundle, type Store } from '../../db/index.ts';
import { DEFAULT_INVOICE_PREFERENCES } from '../../tools/catalog/index.ts';
import { annexEventSchema, buildCallAnnex, type CallAnnex } from '../../tools/invoice/build-call-annex.ts';
import type { InvoiceDocument } from '../../tools/invoice/invoice.types.ts';
import type { RenderInvoicePdfOptions } from '../../tools/invoice/render/render-invoice-pdf.ts';
import { startOfLocalDate } from '../../tools/time/index.ts';

// The rated events of the account's lines in the invoice's period, read through billing's own usage reader.
function callAnnexOf(store: Store, doc: InvoiceDocument, msisdns: string[]): CallAnnex {
  const { timezone } = getOperatorSettings(store);
  const rows = usageRowsForNumbers(store, msisdns, startOfLocalDate(doc.period.from, timezone), startOfLocalDate(doc.period.to, timezone));
  const events = rows.filter((r) => r.status === 'rated').map((r) => annexEventSchema.parse({ ...r, otherParty: r.otherParty ?? '' }));
  return buildCallAnnex(doc, events, timezone);
}

/**
 * How an invoice's PDF is printed for its account: the account's invoice preferences and, when
 * they ask for per-call detail on an invoice, the call annex from the stored rated usage. Every
 * place that writes an invoice PDF (download, e-mail, billing cycle) prints it the same way.
 */
export function invoicePdfOptions(store: Store, doc: InvoiceDocument, bundle: AccountBundle): Pick<RenderInvoicePdfOptions, 'preferences' | 'callAnnex'> {
  // Accounts stored before preferences existed have none: the defaults apply.
  const preferences = { ...DEFAULT_INVOICE_PREFERENCES, ...bundle.account.invoicePreferences };
  if (preferences.detail !== 'per_call' || doc.kind !== 'invoice') return { preferences };
  return {
    preferences,
    callAnnex: callAnnexOf(
      store,
      doc,
      bundle.subscriptions.map((s) => s.msisdn),
    ),
  };
}
