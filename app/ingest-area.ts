import { listBillRuns, runBill } from './billing/index.ts';
import { ingestCdrs, listBatches, showBatch } from './ingest/index.ts';
import { listQuarantined, replayQuarantined } from './quarantine/index.ts';
import { runRating } from './rating/index.ts';

/** The operations of the usage pipeline, for the registry (app/operations.ts). */
export const ingestOps = [ingestCdrs, listBatches, showBatch] as const;
export const quarantineOps = [listQuarantined, replayQuarantined] as const;
export const ratingOps = [runRating] as const;
export const billRunsOps = [runBill, listBillRuns] as const;
