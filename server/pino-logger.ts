import { pino, type DestinationStream } from 'pino';
import type { Logger } from '../app/index.ts';

/** Log levels the server accepts (config's logLevel). */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/**
 * A pino logger behind the app's Logger interface: JSON lines (to stderr by default, so stdout
 * stays for what the command prints). Anything named like a credential is censored, as a second
 * guard: the request log writes ids, routes, statuses and durations only, never headers or bodies.
 */
export function createPinoLogger(opts: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      base: { service: 'switchboard' },
      redact: { paths: ['authorization', 'token', 'headers.authorization', '*.authorization', '*.token', 'body', '*.body'], censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    opts.destination ?? pino.destination(2),
  );
}
