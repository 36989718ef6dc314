import type { AddressInfo } from 'node:net';
import type { Clock } from '../app/index.ts';
import type { AppConfig } from '../config/index.ts';
import type { Store } from '../db/index.ts';
import { BillingError } from '../tools/errors.ts';

/** How long open connections may finish their requests after a stop signal before they are cut. */
const GRACE_MS = 10_000;

/**
 * Serves the API, the console and the portal on `host:port` until SIGINT or SIGTERM; calls
 * `onListening` with the base URL once the socket is open. Resolves when the server has stopped.
 */
export async function serveHttp(opts: { store: Store; host: string; port: number; logLevel: AppConfig['logLevel']; clock?: Clock; onListening(url: string): void }): Promise<void> {
  const [{ serve }, { createApp }, { createPinoLogger }] = await Promise.all([import('@hono/node-server'), import('../server/index.ts'), import('../server/pino-logger.ts')]);
  const logger = createPinoLogger({ level: opts.logLevel });
  const app = createApp({ store: opts.store, logger, ...(opts.clock ? { clock: opts.clock } : {}) });
  const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new BillingError('INVALID_INPUT', `cannot listen on ${opts.host}:${opts.port}: ${err.code === 'EADDRINUSE' ? 'the port is in use' : err.message}`, undefined, { cause: err })),
    );
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
      const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
      opts.onListening(url);
      logger.info({ url, db: opts.store.path }, 'listening');
      const stop = (signal: NodeJS.Signals) => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        logger.info({ signal }, 'stopping: finishing open requests');
        const cut = setTimeout(() => (server as unknown as { closeAllConnections(): void }).closeAllConnections(), GRACE_MS);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          logger.info({}, 'stopped');
          resolve();
        });
        // Idle keep-alive connections would hold close() open until they time out.
        (server as unknown as { closeIdleConnections(): void }).closeIdleConnections();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  });
}

/** Reads `--host` and `--port` against the configured defaults; a bad port is a user error. */
export function listenAddress(opts: { host?: string; port?: string }, config: { serveHost: string; servePort: number }): { host: string; port: number } {
  if (opts.port !== undefined && (!/^\d{1,5}$/.test(opts.port) || Number(opts.port) > 65535))
    throw new BillingError('INVALID_INPUT', `--port must be a whole number from 0 to 65535, got "${opts.port}"`);
  return { host: opts.host ?? config.serveHost, port: opts.port === undefined ? config.servePort : Number(opts.port) };
}
