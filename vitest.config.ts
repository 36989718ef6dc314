import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{tools,db,app,cli,agents,graphs,server,evals,config,bench}/**/*.test.ts'],
    // Two cores: forks keep native better-sqlite3 handles isolated per file.
    pool: 'forks',
    maxWorkers: 2,
    // Test files share a worker's loaded modules instead of importing the system afresh each time
    // (most of the suite's time was module loading); every test still opens its own database.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
