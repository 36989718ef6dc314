export { listAccounts, accountRowSchema } from './list-accounts.ts';
export { showAccount } from './show-account.ts';
export { showAccountStanding } from './show-account-standing.ts';
export { addAccountNote, accountNoteSchema } from './add-account-note.ts';
export { listAccountNotes } from './list-account-notes.ts';
export { setInvoicePreferences } from './set-invoice-preferences.ts';
