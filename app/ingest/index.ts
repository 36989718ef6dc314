export { fileContent, streamContent, textContent, cdrContentField, type CdrContent } from './cdr-content.ts';
export { effectiveSettings } from './effective-settings.ts';
export { ingestContent, checkCdrFormat, CDR_FORMATS, type IngestOptions, type IngestReport } from './ingest-content.ts';
export { ingestFile } from './ingest-file.ts';
export { ingestCdrs, ingestRequestSchema, ingestReportSchema } from './ingest-cdrs.ts';
export { listBatches, showBatch, batchSchema } from './list-batches.ts';
export { assertOwnsIngestion } from './ingestion-owner.ts';
