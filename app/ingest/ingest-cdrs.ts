import { z } from 'zod';
import { TEXT_ENCODINGS, type IngestCounts } from '../../tools/cdr/index.ts';
import { timeZoneSchema } from '../../tools/schemas/index.ts';
import { countIngest } from '../metrics.ts';
import { defineOperation } from '../operation.ts';
import { progressField } from '../progress-field.ts';
import { cdrContentField } from './cdr-content.ts';
import { CDR_FORMATS, ingestContent } from './ingest-content.ts';
import { assertOwnsIngestion } from './ingestion-owner.ts';

/** How to read the bytes, as a surface takes it (the CLI's flags, the upload's query string). */
export const ingestRequestSchema = z
  .object({
    format: z.string().min(1).describe(CDR_FORMATS.join(' | ')),
    source: z.string().min(1).max(200).optional().describe('name of the switch (idempotency keys are per source; default: the format)'),
    homeCountry: z.string().min(1).optional().describe('override the home country for this run (ISO 3166 alpha-2)'),
    timezone: timeZoneSchema.optional().describe("override the switch's time zone for this run (IANA)"),
    columns: z.string().min(1).optional().describe('FreeSWITCH custom template: comma-separated variable names'),
    encoding: z.enum(TEXT_ENCODINGS).optional().describe('the text encoding (default utf-8, checked)'),
    rate: z.boolean().default(false).describe('rate accepted records as they are ingested'),
    tariff: z.string().min(1).optional().describe('tariff plan for rate (default: the most recently imported)'),
  })
  .strict();

/** The report of an ingest, as `switchboard ingest --json` prints it: every line read is accepted, a duplicate or quarantined. */
export const ingestReportSchema = z.object({
  batchId: z.number().int(),
  file: z.string().nullable(),
  format: z.enum(CDR_FORMATS),
  sourceName: z.string(),
  sha256: z.string(),
  resumes: z.object({ batchId: z.number().int(), startedAt: z.string(), events: z.number().int(), quarantined: z.number().int(), duplicates: z.number().int() }).nullable(),
  read: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  quarantined: z.number().int(),
  skipped: z.number().int(),
  quarantineReasons: z.record(z.string(), z.number().int()),
  statuses: z.record(z.string(), z.number().int()),
  /** Ids of the fraud alerts this ingest raised (docs/fraud.md). */
  alerts: z.array(z.number().int()),
});

/**
 * Ingests CDR bytes (a file the CLI opened, an upload's body as it streams): parse, classify,
 * store; every line accepted, duplicate (its idempotency key is known) or quarantined.
 */
export const ingestCdrs = defineOperation({
  name: 'cdrs.ingest',
  summary: 'Ingest CDRs',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: ingestRequestSchema.extend({ content: cdrContentField, onProgress: progressField<[bytes: number, counts: IngestCounts]>() }),
  output: ingestReportSchema,
  handler: async (ctx, { content, ...options }) => {
    assertOwnsIngestion(ctx.scope);
    const report = await ingestContent(ctx.store, content, { ...options, now: ctx.clock.now().getTime() });
    countIngest(report);
    return report;
  },
});
