import type { Command } from 'commander';
import { loadConfig } from '../../config/index.ts';
import { openStore, type GlobalOptions } from '../context.ts';
import { action, printResult } from '../output.ts';
import { listenAddress, serveHttp } from '../serve-http.ts';

/** `switchboard serve`: the HTTP API, the console and the portal on this database until SIGINT or SIGTERM. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api/v1, /api/docs, /healthz, /readyz, /metrics), the console (/) and the portal (/portal) until stopped (Ctrl-C or SIGTERM)')
    .option('--host <host>', 'address to listen on (default: $SWITCHBOARD_HOST or 127.0.0.1)')
    .option('--port <port>', 'port to listen on, 0 for any free one (default: $SWITCHBOARD_PORT or 8080)')
    .option('--json', 'print the address as JSON')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { host?: string; port?: string }>();
        const config = loadConfig();
        const { host, port } = listenAddress(opts, config);
        // The database is opened (and migrated) before listening: a bad file fails here, not at the first request.
        const store = openStore(opts);
        try {
          await serveHttp({
            store,
            host,
            port,
            logLevel: config.logLevel,
            onListening: (url) =>
              printResult(opts, { url, console: `${url}/`, docs: `${url}/api/docs` }, (o) => `Switchboard on ${o.url}: console ${o.console}, API reference ${o.docs}; Ctrl-C stops it`),
          });
        } finally {
          store.close();
        }
      }),
    );
}
