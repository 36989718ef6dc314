import { billRunsOps, ingestOps, quarantineOps, ratingOps } from './ingest-area.ts';
import { listThreads, postMessage, showThread } from './chat/index.ts';
import { listInvoices, showInvoice } from './invoices/index.ts';
import type { Operation } from './operation.ts';
import { addUser, createToken, listTokens, listUsers, revokeToken } from './users/index.ts';

/**
 * Every operation of the system, by area. Surfaces that walk all of them (the API's route table
 * check, the docs) read this list; each area adds its own line.
 */
export const operations: readonly Operation[] = [
  // invoices
  showInvoice,
  listInvoices,
  // users and API tokens
  addUser,
  listUsers,
  createToken,
  listTokens,
  revokeToken,
  // ingestion, quarantine, rating, bill runs
  ...ingestOps,
  ...quarantineOps,
  ...ratingOps,
  ...billRunsOps,
  // chat
  postMessage,
  listThreads,
  showThread,
] as unknown as readonly Operation[];
