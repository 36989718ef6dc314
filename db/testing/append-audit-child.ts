// A separate process that appends audit entries to a database file, for the concurrency test:
// node --import tsx db/testing/append-audit-child.ts DB COUNT WRITER
import { appendAudit } from '../audit-store.ts';
import { openDatabase } from '../open-database.ts';

const [path, count, writer] = process.argv.slice(2);
const store = openDatabase(path!);
try {
  for (let i = 0; i < Number(count); i += 1) {
    appendAudit(store, { tenant: i % 2 ? 't' : 'other', actor: writer!, actorKind: 'system', event: 'tool_call', subject: `writer:${writer}`, detail: { i } });
  }
} finally {
  store.close();
}
