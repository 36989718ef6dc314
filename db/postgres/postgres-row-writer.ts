import type { RawRowWriter, WriterStatements } from '../ingest-writer.worker.mjs';
import type { PgSyncClient } from './sync-client.ts';

/** Rows per INSERT: under PostgreSQL's 65,535 bind parameters for the widest row (usage events). */
const ROWS_PER_STATEMENT = 1000;

/** `INSERT ... VALUES (?, ...), (?, ...)` from a one-row statement, for `rows` rows, with PostgreSQL's $n. */
function multiRow(single: string, rows: number): string {
  const values = single.match(/VALUES \(([^)]*)\)/i)![1]!;
  let n = 0;
  const tuples = Array.from({ length: rows }, () => `(${values.replace(/\?/g, () => `$${++n}`)})`);
  return single.replace(/VALUES \([^)]*\)/i, `VALUES ${tuples.join(', ')}`).replace(/RETURNING .*$/i, '');
}

/**
 * The ingest writer on PostgreSQL: what createRawRowWriter does on SQLite, with multi-row
 * inserts (one round trip per thousand rows instead of one per row). A record whose idempotency
 * key is stored already is recorded as a duplicate; the transaction holds the books' writer lock
 * across chunks, so the ids it gives events form the batch's range, as on SQLite.
 */
export function createPostgresRowWriter(client: PgSyncClient, statements: WriterStatements, batchId: number, commitEvery: number): RawRowWriter {
  const { lineNo: LINE_NO, idemKey: IDEM_KEY } = statements.eventIndexes;
  const sql = new Map<string, string>();
  const statement = (kind: 'event' | 'quarantine' | 'duplicate', single: string, rows: number, returning: string) => {
    const key = `${kind}:${rows}`;
    let text = sql.get(key);
    if (!text) sql.set(key, (text = `${multiRow(single, rows)}${returning}`));
    return text;
  };
  let open = false;
  let sinceCommit = 0;
  let firstId: number | null = null;
  let lastId: number | null = null;
  const reset = () => {
    open = false;
    sinceCommit = 0;
    firstId = lastId = null;
  };
  const commit = () => {
    if (open) {
      if (firstId !== null) client.prepare(statements.updateBatchRange).run(firstId, lastId, batchId);
      client.exec('COMMIT');
    }
    reset();
  };
  const duplicates = (rows: Array<[number, string]>, createdAt: string) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const part = rows.slice(i, i + ROWS_PER_STATEMENT);
      client.queryRaw(
        statement('duplicate', statements.insertDuplicate, part.length, ''),
        part.flatMap(([line, key]) => [batchId, line, key, createdAt]),
      );
    }
  };
  return {
    write(events, quarantined, dictionary = []) {
      if (!open) {
        client.beginWriter();
        open = true;
      }
      for (const [id, value] of dictionary) {
        if (client.prepare(statements.insertDictionary).run(id, value).changes === 1) continue;
        if ((client.prepare(statements.findDictionary).get(id) as { value?: string } | undefined)?.value !== value) throw new Error(`usage dictionary id ${id} already names another text`);
      }
      const createdAt = new Date().toISOString();
      const acceptedNew: boolean[] = new Array(events.length).fill(false);
      const dupes: Array<[number, string]> = [];
      for (let i = 0; i < events.length; i += ROWS_PER_STATEMENT) {
        const part = events.slice(i, i + ROWS_PER_STATEMENT) as unknown[][];
        const res = client.queryRaw(statement('event', statements.insertEvent, part.length, ' RETURNING "id", "idem_key"'), part.flat() as never[]);
        // Matched on the unique key, not the line: of two rows with one key in a statement the
        // first is stored and the second skipped (as row-by-row inserts would), whatever their lines.
        const stored = new Set<string>();
        for (const row of res.rows as Array<{ id: number; idem_key: string }>) {
          stored.add(row.idem_key);
          if (firstId === null || row.id < firstId) firstId = row.id;
          if (lastId === null || row.id > lastId) lastId = row.id;
        }
        part.forEach((values, j) => {
          if (stored.delete(values[IDEM_KEY] as string)) acceptedNew[i + j] = true;
          else dupes.push([values[LINE_NO] as number, values[IDEM_KEY] as string]);
        });
      }
      const quarantinedNew: boolean[] = new Array(quarantined.length).fill(false);
      for (let i = 0; i < quarantined.length; i += ROWS_PER_STATEMENT) {
        const part = quarantined.slice(i, i + ROWS_PER_STATEMENT);
        const res = client.queryRaw(
          statement('quarantine', statements.insertQuarantine, part.length, ' RETURNING "dedup_key"'),
          part.flatMap((q) => [batchId, q.lineNo, q.dedupKey, q.raw, q.reason, q.message, createdAt]) as never[],
        );
        const stored = new Set((res.rows as Array<{ dedup_key: string }>).map((r) => r.dedup_key));
        part.forEach((q, j) => {
          if (stored.delete(q.dedupKey)) quarantinedNew[i + j] = true;
          else dupes.push([q.lineNo, q.dedupKey]);
        });
      }
      duplicates(dupes, createdAt);
      sinceCommit += events.length + quarantined.length;
      if (sinceCommit >= commitEvery) commit();
      return { acceptedNew, quarantinedNew };
    },
    commit,
    rollback() {
      if (open) client.exec('ROLLBACK');
      reset();
    },
  };
}
