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
    // Timeouts here and in the files are hang guards, not speed checks (benchmarks check speed): about
    // three times what a quiet machine needs, because these machines have run the suite three times
    // slower (2026-12-02: parse-only 128k rows/s against 354k, the SQLite run 771 s against 267 s).
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
