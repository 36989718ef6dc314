import { z } from 'zod';
import { billRunRequestSchema, listBillRuns, runBill } from '../../app/billing/index.ts';
import { ingestCdrs, ingestRequestSchema, listBatches, showBatch, streamContent } from '../../app/ingest/index.ts';
import { listQuarantined, replayQuarantined } from '../../app/quarantine/index.ts';
import { ratingRunRequestSchema, runRating } from '../../app/rating/index.ts';
import { defineRoute, type RouteRequest, type RouteSpec } from '../define-route.ts';

/** A numeric id in the path (`{batchId}`, `{quarantineId}`). */
const pathId = z.coerce.number().int().min(1);

/** An upload's bytes as they arrive; an empty body is an empty file. */
function uploaded(req: RouteRequest) {
  const body = req.stream?.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  return streamContent(body, req.stream?.contentLength);
}

/**
 * The usage pipeline: CDR upload (the raw file as the request body, read as it streams), batches,
 * quarantine and its replay, rating runs and bill runs.
 */
export const ingestRoutes: RouteSpec[] = [
  defineRoute({
    op: ingestCdrs,
    method: 'post',
    path: '/cdr-uploads',
    tags: ['ingest'],
    query: ingestRequestSchema,
    stream: true,
    status: 201,
    toInput: (req) => ({ ...req.query, content: uploaded(req) }),
  }),
  defineRoute({ op: listBatches, method: 'get', path: '/batches', tags: ['ingest'], query: listBatches.input }),
  defineRoute({
    op: showBatch,
    method: 'get',
    path: '/batches/{batchId}',
    tags: ['ingest'],
    params: z.object({ batchId: pathId }),
  }),
  defineRoute({ op: listQuarantined, method: 'get', path: '/quarantine', tags: ['quarantine'], query: listQuarantined.input }),
  defineRoute({
    op: replayQuarantined,
    method: 'post',
    path: '/quarantine/{quarantineId}/replay',
    tags: ['quarantine'],
    params: z.object({ quarantineId: pathId }),
    body: z.object({ raw: z.string().min(1).optional().describe('the corrected line: it replaces the record before it is read again') }).strict(),
    toInput: (req) => ({ ...(req.body as object), id: req.params.quarantineId }),
  }),
  defineRoute({ op: runRating, method: 'post', path: '/rating-runs', tags: ['rating'], body: ratingRunRequestSchema, status: 201, idempotent: true }),
  defineRoute({ op: runBill, method: 'post', path: '/bill-runs', tags: ['bill-runs'], body: billRunRequestSchema, status: 201, idempotent: true }),
  defineRoute({ op: listBillRuns, method: 'get', path: '/bill-runs', tags: ['bill-runs'] }),
] as RouteSpec[];
