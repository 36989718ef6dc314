import { and, asc, eq } from 'drizzle-orm';
import { appendAudit } from './audit-store.ts';
import { accountNotes } from './billing-schema.ts';
import type { Store } from './open-database.ts';

/** A note on an account as it is stored and shown. */
export interface AccountNote {
  id: number;
  accountId: string;
  author: string;
  body: string;
  createdAt: string;
}

/**
 * Adds a note to an account and records it in the audit log, in one transaction (a note without
 * its audit entry never exists). The caller has checked the account is the tenant's.
 */
export function addAccountNote(store: Store, note: { tenant: string; accountId: string; author: string; authorKind: 'analyst' | 'admin'; body: string; at: string }): AccountNote {
  const write = store.sqlite.transaction(() => {
    const row = store.db.insert(accountNotes).values({ tenant: note.tenant, accountId: note.accountId, author: note.author, body: note.body, createdAt: note.at }).returning().get();
    appendAudit(store, {
      tenant: note.tenant,
      actor: note.author,
      actorKind: note.authorKind,
      event: 'note',
      subject: `account:${note.accountId}`,
      detail: { noteId: row.id, chars: note.body.length },
    });
    return row;
  });
  const row = write.immediate();
  return { id: row.id, accountId: row.accountId, author: row.author, body: row.body, createdAt: row.createdAt };
}

/** An account's notes, oldest first. */
export function listAccountNotes(store: Store, tenant: string, accountId: string): AccountNote[] {
  return store.db
    .select({ id: accountNotes.id, accountId: accountNotes.accountId, author: accountNotes.author, body: accountNotes.body, createdAt: accountNotes.createdAt })
    .from(accountNotes)
    .where(and(eq(accountNotes.tenant, tenant), eq(accountNotes.accountId, accountId)))
    .orderBy(asc(accountNotes.id))
    .all();
}
