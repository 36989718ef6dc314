import { Option, type Command } from 'commander';
import { loadConfig } from '../../config/index.ts';
import { createPinoLogger } from '../../server/pino-logger.ts';
import { DEFAULT_PREFIX, parseDropFolder, startWorkers } from '../../server/workers/index.ts';
import { openStore, type GlobalOptions } from '../context.ts';
import { action, parseIntOption, printResult } from '../output.ts';

interface WorkerFlags extends GlobalOptions {
  queuePrefix?: string;
  concurrency?: string;
  shardSize?: string;
  drop?: string[];
  pollMs?: string;
  schedule?: boolean;
  lockDuration?: string;
  stalledInterval?: string;
  maxStalled?: string;
}

/** `switchboard worker`: BullMQ workers and job schedulers for this database's tenant until SIGTERM or SIGINT. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'run the scheduled work on BullMQ (Redis at $REDIS_URL): drop folders, hourly rating, the overdue pass, the monthly bill run in shards; until stopped (SIGTERM finishes the current job)',
    )
    .option('--queue-prefix <prefix>', 'Redis key prefix of the queues', DEFAULT_PREFIX)
    .option('--concurrency <n>', 'jobs of each queue run at once in this process', '1')
    .option('--shard-size <n>', 'accounts per shard job of a bill run', '500')
    .option('--drop <switch=format:dir...>', "a switch's drop folder: its CDR files are ingested once, then moved to processed/ or failed/")
    .option('--poll-ms <ms>', 'how often drop folders and notifications are looked at', '60000')
    .option('--no-schedule', 'only take jobs; leave the job schedulers to another worker')
    .addOption(new Option('--lock-duration <ms>', 'a job whose lock is not renewed this long is taken up by another worker').default('30000').hideHelp())
    .addOption(new Option('--stalled-interval <ms>', 'how often stalled jobs are looked for').default('30000').hideHelp())
    .addOption(new Option('--max-stalled <n>', 'a job stalled more often than this fails').default('10').hideHelp())
    .option('--json', 'print the start-up line as JSON')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<WorkerFlags>();
        const config = loadConfig();
        const store = openStore(opts);
        const logger = createPinoLogger({ level: config.logLevel });
        try {
          const running = await startWorkers({
            store,
            redisUrl: config.redisUrl,
            prefix: opts.queuePrefix,
            concurrency: parseIntOption('concurrency', opts.concurrency, 1),
            shardSize: parseIntOption('shard-size', opts.shardSize, 1),
            dropFolders: (opts.drop ?? []).map(parseDropFolder),
            pollMs: parseIntOption('poll-ms', opts.pollMs, 100),
            schedule: opts.schedule !== false,
            lockDurationMs: parseIntOption('lock-duration', opts.lockDuration, 100),
            stalledIntervalMs: parseIntOption('stalled-interval', opts.stalledInterval, 100),
            maxStalledCount: parseIntOption('max-stalled', opts.maxStalled, 0),
            logger,
          });
          printResult(
            opts,
            { pid: process.pid, prefix: opts.queuePrefix, tenant: running.deps.tenant, schedulers: running.schedulers },
            (o) => `worker ${o.pid} ready on prefix ${o.prefix} for ${o.tenant}: ${o.schedulers.length} job schedulers; SIGTERM stops it after the current job`,
          );
          // A stop lets the current jobs finish (their work is saved), then the process ends 0.
          await new Promise<void>((resolve) => {
            const stop = () => {
              process.off('SIGTERM', stop);
              process.off('SIGINT', stop);
              running.close().then(resolve, resolve);
            };
            process.on('SIGTERM', stop);
            process.on('SIGINT', stop);
          });
        } finally {
          store.close();
        }
      }),
    );
}
