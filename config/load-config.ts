import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { BillingError } from '../tools/errors.ts';

/** Process-level configuration: read from the environment once, validated, then passed around typed. */
export const appConfigSchema = z.object({
  /** SQLite database file (SWITCHBOARD_DB); `--db` on any command overrides it. */
  dbPath: z.string().min(1, 'SWITCHBOARD_DB is set but empty (an empty path would open a temporary database that keeps nothing): unset it or name a file').default('./data/switchboard.db'),
  /**
   * SWITCHBOARD_DATABASE_URL: a PostgreSQL server (postgres://user@host:5432/db) for the books
   * instead of SQLite files; each database name (`--db`, SWITCHBOARD_DB) is then a schema in it.
   */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'SWITCHBOARD_DATABASE_URL names a PostgreSQL server: postgres://user@host:5432/database')
    .optional(),
  /** OpenAI-compatible endpoint settings; without a key or base URL the offline rules model runs. */
  openaiApiKey: z.string().min(1).optional(),
  openaiBaseUrl: z.string().url().optional(),
  model: z.string().min(1).default('gpt-4o-mini'),
  /** Per-request timeout for the model endpoint (SWITCHBOARD_MODEL_TIMEOUT_MS): a hung local server must not hang a run. */
  modelTimeoutMs: z.coerce.number().int().positive().default(60_000),
  /** Retries on transient model endpoint failures (SWITCHBOARD_MODEL_MAX_RETRIES); kept small so failures surface fast. */
  modelMaxRetries: z.coerce.number().int().min(0).max(10).default(2),
  /** The acting user when a command gets no `--as` (SWITCHBOARD_USER); roles come from the users table. */
  user: z.string().min(1).optional(),
  /** True when stdout is not for humans (CI): no progress bars. */
  ci: z.boolean().default(false),
  /** SWITCHBOARD_DEBUG: internal errors print their stack trace (with causes) instead of a one-line hint. */
  debug: z.boolean().default(false),
  /** Set by a Switchboard parent for a child it spawned (SWITCHBOARD_LIFELINE_FD): the child ends when that parent ends (cli/child-lifeline.mjs). */
  lifelineFd: z.coerce.number().int().min(3).optional(),
  /** `switchboard serve`: the address to listen on (SWITCHBOARD_HOST; loopback unless asked), and the port (SWITCHBOARD_PORT). */
  serveHost: z.string().min(1).default('127.0.0.1'),
  servePort: z.coerce.number().int().min(0).max(65535).default(8080),
  /** The server's log level (SWITCHBOARD_LOG_LEVEL): pino's levels, `silent` for none. */
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** `switchboard worker`: the Redis its BullMQ queues live in (REDIS_URL). */
  redisUrl: z.string().url().default('redis://127.0.0.1:6379'),
  /** Where notification emails are sent (SWITCHBOARD_SMTP_URL, e.g. smtp://user:pass@mail.example:587); without it email notifications fail and are retried. */
  smtpUrl: z.string().url().optional(),
  /** The From address of notification emails (SWITCHBOARD_MAIL_FROM). */
  mailFrom: z.string().min(3).default('Switchboard Billing <billing@switchboard.local>'),
  /** How long a webhook receiver may take to answer (SWITCHBOARD_WEBHOOK_TIMEOUT_MS). */
  webhookTimeoutMs: z.coerce.number().int().positive().default(10_000),
});
export type AppConfig = z.infer<typeof appConfigSchema>;

let cached: AppConfig | undefined;
const scopedEnv = new AsyncLocalStorage<NodeJS.ProcessEnv>();

/**
 * Runs `fn` with `env` as the environment loadConfig() reads (an in-process CLI run, cli/run.ts,
 * with its own SWITCHBOARD_* settings), instead of the process's.
 */
export function withEnvironment<T>(env: NodeJS.ProcessEnv, fn: () => T): T {
  return scopedEnv.run(env, fn);
}

/** Reads and validates the environment once; the only place in Switchboard that touches process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = scopedEnv.getStore() ?? process.env): AppConfig {
  if (cached && env === process.env) return cached;
  const parsed = appConfigSchema.safeParse({
    // Set but empty is refused, not taken as unset: `SWITCHBOARD_DB= switchboard ingest` must not write elsewhere.
    dbPath: env.SWITCHBOARD_DB,
    databaseUrl: env.SWITCHBOARD_DATABASE_URL || undefined,
    openaiApiKey: env.OPENAI_API_KEY || undefined,
    openaiBaseUrl: env.OPENAI_BASE_URL || undefined,
    model: env.SWITCHBOARD_MODEL || undefined,
    modelTimeoutMs: env.SWITCHBOARD_MODEL_TIMEOUT_MS || undefined,
    modelMaxRetries: env.SWITCHBOARD_MODEL_MAX_RETRIES || undefined,
    user: env.SWITCHBOARD_USER || undefined,
    ci: Boolean(env.CI),
    debug: Boolean(env.SWITCHBOARD_DEBUG) && env.SWITCHBOARD_DEBUG !== '0',
    lifelineFd: env.SWITCHBOARD_LIFELINE_FD || undefined,
    serveHost: env.SWITCHBOARD_HOST || undefined,
    servePort: env.SWITCHBOARD_PORT || undefined,
    logLevel: env.SWITCHBOARD_LOG_LEVEL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    smtpUrl: env.SWITCHBOARD_SMTP_URL || undefined,
    mailFrom: env.SWITCHBOARD_MAIL_FROM || undefined,
    webhookTimeoutMs: env.SWITCHBOARD_WEBHOOK_TIMEOUT_MS || undefined,
  });
  if (!parsed.success) {
    throw new BillingError('INVALID_CONFIG', `invalid environment: ${parsed.error.issues.map((i) => (i.path[0] === 'dbPath' ? i.message : `${i.path.join('.')}: ${i.message}`)).join('; ')}`);
  }
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}
