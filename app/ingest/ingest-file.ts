import { fileContent } from './cdr-content.ts';
import { checkCdrFormat, ingestContent, type IngestOptions, type IngestReport } from './ingest-content.ts';

/** Ingests one local CDR file (the CLI's, the fixtures' and benches'): an unknown format is refused before the file is looked at. */
export function ingestFile(store: Parameters<typeof ingestContent>[0], path: string, opts: IngestOptions): Promise<IngestReport & { file: string }> {
  checkCdrFormat(opts.format);
  return ingestContent(store, fileContent(path), opts) as Promise<IngestReport & { file: string }>;
}
