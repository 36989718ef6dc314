import { saveInvoice, type StoredInvoice } from './invoice-store.ts';
import type { Store } from './open-database.ts';
import { storageError } from './storage-error.ts';

/** One computed invoice to store: what saveInvoice takes. */
export type PeriodInvoiceInput = Parameters<typeof saveInvoice>[1];

/** What storing one invoice of a group came to: stored, already there (null), or its own failure. */
export type PeriodInvoiceOutcome = { accountId: string; saved: StoredInvoice | null } | { accountId: string; error: unknown };

/**
 * Stores a group of a bill run's invoices in one short IMMEDIATE transaction: the write lock is
 * taken up front, so a second process billing another shard waits (busy timeout) instead of
 * failing to upgrade a read snapshot another process has since written past, and numbers stay
 * gapless (each is taken inside the transaction that stores its invoice). One invoice's failure
 * is returned and the group goes on; a database that cannot be written fails the whole group.
 */
export function savePeriodInvoices(store: Store, group: PeriodInvoiceInput[]): PeriodInvoiceOutcome[] {
  const write = store.sqlite.transaction((items: PeriodInvoiceInput[]) =>
    items.map((item): PeriodInvoiceOutcome => {
      try {
        return { accountId: item.accountId, saved: saveInvoice(store, item) };
      } catch (err) {
        const unusable = storageError(err, store.path);
        if (unusable) throw unusable;
        return { accountId: item.accountId, error: err };
      }
    }),
  );
  try {
    return write.immediate(group);
  } catch (err) {
    throw storageError(err, store.path) ?? err;
  }
}
