import { loadConfig } from '../../config/index.ts';

/**
 * True in the suite's PostgreSQL run (SWITCHBOARD_DATABASE_URL set): tests of SQLite's own
 * behaviour (files, WAL, its lock) skip there, and say so in their name.
 */
export const onPostgres = Boolean(loadConfig().databaseUrl);
