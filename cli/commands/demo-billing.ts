import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAccountsFile, type Population } from '../../evals/generator/index.ts';
import { getAccountBundle, getInvoice, getOperatorSettings, importAccounts, listInvoices, saveCatalogVersion, type Store } from '../../db/index.ts';
import { invoicePdfOptions } from '../../app/invoices/invoice-pdf-options.ts';
import { DEFAULT_INVOICE_PREFERENCES, type Account } from '../../tools/catalog/index.ts';
import { chooseInvoiceLayout } from '../../tools/invoice/render/choose-invoice-layout.ts';
import { phraseMessage } from '../../tools/invoice/messages/index.ts';
import { printLanguage } from '../../tools/i18n/index.ts';
import { loadAccounts, loadCatalog } from '../../tools/catalog/index.ts';
import { renderInvoicePdf, renderInvoiceUbl } from '../../tools/invoice/render/index.ts';
import { type dec, ZERO } from '../../tools/money/index.ts';
import { billPeriod } from '../../app/billing/index.ts';

/**
 * The demo's catalog and customers with their lines (built from the same population the CDRs are
 * generated for). They come before rating: plans and segments choose rating profiles, and the
 * catalog's dynamic-pricing tables are part of the rating step.
 */
/**
 * What some of the demo's customers asked of their bills (docs/invoices-output.md): one reads German,
 * one Spanish in large print, and a business wants every call itemised. Only how the bill is
 * printed changes; no amount does.
 */
export const DEMO_PREFERENCES: Record<string, Partial<Pick<Account, 'language'>> & { invoicePreferences?: Partial<Account['invoicePreferences']> }> = {
  A00086: { language: 'de' },
  A00088: { language: 'es', invoicePreferences: { largePrint: true } },
  AB0012: { invoicePreferences: { detail: 'per_call' } },
};

export function seedDemoCustomers(store: Store, opts: { dataset: string; population: Population; seed: number; period: string }) {
  const catalog = loadCatalog(readFileSync(join(opts.dataset, 'catalog.yaml'), 'utf8'), 'catalog.yaml');
  const savedCatalog = saveCatalogVersion(store, catalog);
  const built = buildAccountsFile(opts.population, { seed: opts.seed, periodStart: `${opts.period}-01`, periodDays: 31 });
  const accountsFile = {
    ...built,
    accounts: built.accounts.map((a) => {
      const asked = DEMO_PREFERENCES[a.id];
      return asked ? { ...a, ...asked, invoicePreferences: { ...a.invoicePreferences, ...asked.invoicePreferences } } : a;
    }),
  };
  // Through the same loader as `switchboard accounts import`, so the demo data meets the same checks.
  const accounts = importAccounts(store, loadAccounts(JSON.stringify(accountsFile), { fileName: 'demo-accounts.json', catalog }));
  return { catalog: { name: savedCatalog.name, version: savedCatalog.version, created: savedCatalog.created, plans: catalog.plans.length, currency: catalog.currency }, accounts };
}

/** The billing half of the demo: the bill run of the month, and a few invoices written out as PDF and EN 16931 UBL to look at. */
export async function runDemoBilling(store: Store, opts: { dir: string; period: string; currency: string }) {
  const run = billPeriod(store, { period: opts.period, timezone: getOperatorSettings(store).timezone });

  const all = listInvoices(store, { period: opts.period, limit: 100_000 }).filter((i) => i.kind === 'invoice');
  const totals = { subtotal: ZERO, taxes: ZERO, total: ZERO };
  const taxesByName = new Map<string, ReturnType<typeof dec>>();
  for (const row of all) {
    const doc = getInvoice(store, String(row.id)).document;
    totals.subtotal = totals.subtotal.plus(doc.subtotal);
    totals.taxes = totals.taxes.plus(doc.taxTotal);
    totals.total = totals.total.plus(doc.total);
    for (const t of doc.taxes) taxesByName.set(t.name, (taxesByName.get(t.name) ?? ZERO).plus(t.amount));
  }

  // A few documents to open: a consumer, a business, a customer in Ireland, and the customers with preferences.
  mkdirSync(join(opts.dir, 'invoices'), { recursive: true });
  const issued = all.filter((i) => i.status === 'issued').sort((a, b) => a.id - b.id);
  const picks = [
    issued.find((i) => i.accountId.startsWith('AB') === false),
    issued.find((i) => i.accountId.startsWith('AB')),
    issued.find((i) => getInvoice(store, String(i.id)).document.buyer.address.country === 'IE'),
    ...Object.keys(DEMO_PREFERENCES).map((id) => issued.find((i) => i.accountId === id)),
  ].filter((i): i is NonNullable<typeof i> => Boolean(i));
  const files: string[] = [];
  const printed: Array<{ number: string; accountId: string; file: string; layout: string; language: string; largePrint: boolean; detail: string; total: string; messages: string[] }> = [];
  for (const pick of [...new Map(picks.map((p) => [p.id, p])).values()]) {
    const doc = getInvoice(store, String(pick.id)).document;
    const pdf = join(opts.dir, 'invoices', `${doc.number}.pdf`);
    // Printed as the account asked (layout, detail, print size), as the e-mail and the cycle print it.
    const options = invoicePdfOptions(store, doc, getAccountBundle(store, doc.buyer.accountId));
    writeFileSync(pdf, await renderInvoicePdf(doc, options));
    files.push(pdf);
    const preferences = { ...DEFAULT_INVOICE_PREFERENCES, ...options.preferences };
    printed.push({
      number: doc.number!,
      accountId: doc.buyer.accountId,
      file: pdf,
      layout: chooseInvoiceLayout(doc, preferences),
      language: printLanguage(doc.language),
      largePrint: preferences.largePrint,
      detail: preferences.detail,
      total: `${doc.total} ${doc.currency}`,
      messages: doc.messages.map((m) => phraseMessage(m, doc.language)),
    });
    if (doc.buyer.business) {
      const xml = join(opts.dir, 'invoices', `${doc.number}.xml`);
      writeFileSync(xml, renderInvoiceUbl(doc));
      files.push(xml);
    }
  }
  return {
    bill: { period: run.period, created: run.created.length, held: run.held.length, alreadyPresent: run.alreadyPresent.length, failed: run.failed },
    invoices: {
      issued: all.filter((i) => i.status === 'issued').length,
      held: all.filter((i) => i.status === 'held').length,
      subtotal: totals.subtotal.toFixed(2),
      taxes: totals.taxes.toFixed(2),
      total: totals.total.toFixed(2),
      taxesByName: Object.fromEntries([...taxesByName].map(([k, v]) => [k, v.toFixed(2)])),
      currency: opts.currency,
    },
    files,
    printed,
    heldExample: all.find((i) => i.status === 'held')?.id ?? null,
  };
}
