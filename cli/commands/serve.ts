import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { openStore, type GlobalOptions } from '../context.ts';
import { action, printResult } from '../output.ts';

/** How long open connections may finish their requests after a stop signal before they are cut. */
const GRACE_MS = 10_000;

/** `switchboard serve`: the HTTP API on this database until SIGINT or SIGTERM. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api/v1, /api/docs, /healthz, /readyz, /metrics) until stopped (Ctrl-C or SIGTERM)')
    .option('--host <host>', 'address to listen on (default: $SWITCHBOARD_HOST or 127.0.0.1)')
    .option('--port <port>', 'port to listen on, 0 for any free one (default: $SWITCHBOARD_PORT or 8080)')
    .option('--json', 'print the address as JSON')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { host?: string; port?: string }>();
        const config = loadConfig();
        const host = opts.host ?? config.serveHost;
        if (opts.port !== undefined && (!/^\d{1,5}$/.test(opts.port) || Number(opts.port) > 65535))
          throw new BillingError('INVALID_INPUT', `--port must be a whole number from 0 to 65535, got "${opts.port}"`);
        const port = opts.port === undefined ? config.servePort : Number(opts.port);
        // The database is opened (and migrated) before listening: a bad file fails here, not at the first request.
        const store = openStore(opts);
        try {
          const [{ serve }, { createApp }, { createPinoLogger }] = await Promise.all([import('@hono/node-server'), import('../../server/index.ts'), import('../../server/pino-logger.ts')]);
          const logger = createPinoLogger({ level: config.logLevel });
          const app = createApp({ store, logger });
          const server = serve({ fetch: app.fetch, hostname: host, port });
          await new Promise<void>((resolve, reject) => {
            server.once('error', (err: NodeJS.ErrnoException) =>
              reject(new BillingError('INVALID_INPUT', `cannot listen on ${host}:${port}: ${err.code === 'EADDRINUSE' ? 'the port is in use' : err.message}`, undefined, { cause: err })),
            );
            server.once('listening', () => {
              const address = server.address() as AddressInfo;
              const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
              printResult(opts, { url, docs: `${url}/api/docs` }, (o) => `Switchboard API on ${o.url} (reference: ${o.docs}); Ctrl-C stops it`);
              logger.info({ url, db: store.path }, 'listening');
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
        } finally {
          store.close();
        }
      }),
    );
}
