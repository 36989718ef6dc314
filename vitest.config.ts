import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{tools,db,cli,agents,graphs,server,evals,config,bench}/**/*.test.ts'],
    // Two cores: forks keep native better-sqlite3 handles isolated per file.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
