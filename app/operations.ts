import { listThreads, postMessage, showThread } from './chat/index.ts';
import { listInvoices, showInvoice } from './invoices/index.ts';
import type { Operation } from './operation.ts';

/**
 * Every operation of the system, by area. Surfaces that walk all of them (the API's route table
 * check, the docs) read this list; each area adds its own line.
 */
export const operations: readonly Operation[] = [
  // invoices
  showInvoice,
  listInvoices,
  // chat
  postMessage,
  listThreads,
  showThread,
] as unknown as readonly Operation[];
