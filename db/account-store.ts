import { asc, eq, inArray, sql } from 'drizzle-orm';
import { accountSchema, indexRatingParties, type Account, type InvoicePreferences, type AccountsFile, type Catalog, type Customer, type Subscription } from '../tools/catalog/index.ts';
import { BillingError } from '../tools/errors.ts';
import { accounts, catalogVersions, customers, subscriptions } from './billing-schema.ts';
import { catalogInEffect } from './catalog-store.ts';
import type { PartyLookup } from '../tools/rating/index.ts';
import type { Store } from './open-database.ts';
import { prepared } from './prepared.ts';
import { getOperatorSettings } from './settings-store.ts';

/** An account with its customer and lines: what charging needs to know about who is billed. */
export interface AccountBundle {
  customer: Customer;
  account: Account;
  subscriptions: Subscription[];
}

/**
 * Stores customers, accounts and subscriptions (insert or replace by id) in one transaction.
 * References may point at rows of earlier imports; anything unknown is refused and nothing is stored.
 */
export function importAccounts(store: Store, file: AccountsFile, options: { tenant?: string } = {}): { customers: number; accounts: number; subscriptions: number } {
  const now = new Date().toISOString();
  // Accounts belong to the operator's tenant unless an import says otherwise (a shared database).
  const tenant = options.tenant ?? getOperatorSettings(store).tenant;
  return store.sqlite.transaction(() => {
    for (const c of file.customers) {
      const row = { id: c.id, name: c.name, segment: c.segment, customerJson: JSON.stringify(c), updatedAt: now };
      store.db.insert(customers).values(row).onConflictDoUpdate({ target: customers.id, set: row }).run();
    }
    for (const a of file.accounts) {
      if (!store.db.select({ id: customers.id }).from(customers).where(eq(customers.id, a.customerId)).get()) {
        throw new BillingError('INVALID_ACCOUNTS', `account ${a.id}: unknown customer ${a.customerId}`);
      }
      const row = { id: a.id, tenant, customerId: a.customerId, billingCycleDay: a.billingCycleDay, currency: a.currency, accountJson: JSON.stringify(a), updatedAt: now };
      store.db.insert(accounts).values(row).onConflictDoUpdate({ target: accounts.id, set: row }).run();
    }
    for (const s of file.subscriptions) {
      if (!store.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, s.accountId)).get()) {
        throw new BillingError('INVALID_ACCOUNTS', `subscription ${s.id}: unknown account ${s.accountId}`);
      }
      const row = { id: s.id, accountId: s.accountId, msisdn: s.msisdn, startDate: s.plans[0]!.from, endDate: s.endDate, subscriptionJson: JSON.stringify(s), updatedAt: now };
      store.db.insert(subscriptions).values(row).onConflictDoUpdate({ target: subscriptions.id, set: row }).run();
    }
    return { customers: file.customers.length, accounts: file.accounts.length, subscriptions: file.subscriptions.length };
  })();
}

/** One account with its customer and subscriptions; NOT_FOUND when there is no such account. */
export function getAccountBundle(store: Store, accountId: string): AccountBundle {
  const q = prepared(store, 'account-bundle', () => ({
    account: store.db
      .select()
      .from(accounts)
      .where(eq(accounts.id, sql.placeholder('id')))
      .prepare(),
    customer: store.db
      .select()
      .from(customers)
      .where(eq(customers.id, sql.placeholder('id')))
      .prepare(),
    lines: store.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.accountId, sql.placeholder('id')))
      .orderBy(asc(subscriptions.id))
      .prepare(),
  }));
  const a = q.account.get({ id: accountId });
  if (!a) throw new BillingError('NOT_FOUND', `no account ${accountId}`);
  const c = q.customer.get({ id: a.customerId });
  if (!c) throw new BillingError('INTERNAL', `account ${accountId} has no customer ${a.customerId}`);
  const subs = q.lines.all({ id: accountId });
  // Stored only after validation (importAccounts), so reading back needs no second schema pass.
  return {
    customer: JSON.parse(c.customerJson) as Customer,
    account: JSON.parse(a.accountJson) as Account,
    subscriptions: subs.map((s) => JSON.parse(s.subscriptionJson) as Subscription),
  };
}

/**
 * Changes an account's invoice preferences (and print language) in its stored document, the rest
 * of the account untouched; the result is validated like an import. NOT_FOUND when there is no such account.
 */
export function setAccountInvoicePreferences(store: Store, accountId: string, change: { preferences: Partial<InvoicePreferences>; language?: string }): Account {
  return store.sqlite.transaction(() => {
    const row = store.db.select({ accountJson: accounts.accountJson }).from(accounts).where(eq(accounts.id, accountId)).get();
    if (!row) throw new BillingError('NOT_FOUND', `no account ${accountId}`);
    // Accounts stored before preferences existed have none: the schema's defaults fill them in.
    const stored = accountSchema.parse(JSON.parse(row.accountJson));
    const account = accountSchema.parse({
      ...stored,
      ...(change.language ? { language: change.language } : {}),
      invoicePreferences: { ...stored.invoicePreferences, ...change.preferences },
    });
    store.db
      .update(accounts)
      .set({ accountJson: JSON.stringify(account), updatedAt: new Date().toISOString() })
      .where(eq(accounts.id, accountId))
      .run();
    return account;
  })();
}

/** Ids bound in one `in (...)` at most. */
export const ID_SLICE = 10_000;

/** Account ids in a stable order, optionally only the given ones (unknown ids are NOT_FOUND). */
export function listAccountIds(store: Store, only?: string[]): string[] {
  if (only && only.length) {
    // In slices: SQLite takes at most 32,766 bound values in one statement, and a tenant may have more accounts.
    const found = new Set<string>();
    for (let i = 0; i < only.length; i += ID_SLICE) {
      for (const r of store.db
        .select({ id: accounts.id })
        .from(accounts)
        .where(inArray(accounts.id, only.slice(i, i + ID_SLICE)))
        .all())
        found.add(r.id);
    }
    const missing = only.filter((id) => !found.has(id));
    if (missing.length) throw new BillingError('NOT_FOUND', `no account ${missing.join(', ')}`);
    return [...only].sort();
  }
  return store.db
    .select({ id: accounts.id })
    .from(accounts)
    .orderBy(asc(accounts.id))
    .all()
    .map((r) => r.id);
}

/**
 * Who each number is rated as over time (plan rating subject and customer segment), read once for a
 * rating run; null when there are no subscriptions, so rating goes by the subscriber's number alone.
 * A what-if passes the catalog it proposes, whose plans may name other rating subjects.
 */
export function ratingPartyLookup(store: Store, timezone: string, proposedCatalog?: Catalog): PartyLookup | null {
  const rows = store.db
    .select({ subscriptionJson: subscriptions.subscriptionJson, segment: customers.segment })
    .from(subscriptions)
    .innerJoin(accounts, eq(accounts.id, subscriptions.accountId))
    .innerJoin(customers, eq(customers.id, accounts.customerId))
    .all();
  if (rows.length === 0) return null;
  const catalog = (proposedCatalog ?? store.db.select({ id: catalogVersions.id }).from(catalogVersions).limit(1).get()) ? catalogInEffect(store, '9999-12-31').catalog : null;
  return indexRatingParties(
    rows.map((r) => ({ subscription: JSON.parse(r.subscriptionJson) as Subscription, segment: r.segment })),
    catalog,
    timezone,
  );
}
