import { z } from 'zod';
import { BillingError } from '../tools/errors.ts';

/** Process-level configuration: read from the environment once, validated, then passed around typed. */
export const appConfigSchema = z.object({
  /** SQLite database file (SWITCHBOARD_DB); `--db` on any command overrides it. */
  dbPath: z.string().min(1).default('./data/switchboard.db'),
  /** OpenAI-compatible endpoint settings; without a key or base URL the offline rules model runs. */
  openaiApiKey: z.string().min(1).optional(),
  openaiBaseUrl: z.string().url().optional(),
  model: z.string().min(1).default('gpt-4o-mini'),
  /** True when stdout is not for humans (CI): no progress bars. */
  ci: z.boolean().default(false),
});
export type AppConfig = z.infer<typeof appConfigSchema>;

let cached: AppConfig | undefined;

/** Reads and validates the environment once; the only place in Switchboard that touches process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  if (cached && env === process.env) return cached;
  const parsed = appConfigSchema.safeParse({
    dbPath: env.SWITCHBOARD_DB || undefined,
    openaiApiKey: env.OPENAI_API_KEY || undefined,
    openaiBaseUrl: env.OPENAI_BASE_URL || undefined,
    model: env.SWITCHBOARD_MODEL || undefined,
    ci: Boolean(env.CI),
  });
  if (!parsed.success) {
    throw new BillingError('INVALID_CONFIG', `invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}
