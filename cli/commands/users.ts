import type { Command } from 'commander';
import { getOperatorSettings, listUsers, saveUser } from '../../db/index.ts';
import { roleSchema } from '../../tools/approval/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { action, printResult, table } from '../output.ts';

/** `switchboard users add|list`: who may ask (analyst) and who may approve (approver). */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('people who chat with the agents and approve proposals');
  users
    .command('add <id>')
    .description('add or update a user')
    .requiredOption('--roles <roles>', `comma-separated: ${roleSchema.options.join(', ')}`)
    .option('--name <name>', 'display name (default: the id)')
    .option('--tenant <tenant>', "the user's operator (default: this database's tenant)")
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { roles: string; name?: string; tenant?: string }>();
        const roles = opts.roles
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean);
        const bad = roles.filter((r) => !roleSchema.safeParse(r).success);
        if (bad.length) throw new BillingError('INVALID_INPUT', `unknown role ${bad.join(', ')}; one of ${roleSchema.options.join(', ')}`);
        const user = await withStore(opts, (store) => saveUser(store, { id, name: opts.name ?? id, tenant: opts.tenant ?? getOperatorSettings(store).tenant, roles: roles as never }));
        printResult(opts, user, (u) => `User ${u.id} (${u.name}) of ${u.tenant}: ${u.roles.join(', ')}`);
      }),
    );
  users
    .command('list')
    .description('list users')
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions>();
        const rows = await withStore(opts, (store) => listUsers(store));
        printResult(opts, rows, (r) =>
          table(
            r.map((u) => ({ ...u, roles: u.roles.join(',') })),
            ['id', 'name', 'tenant', 'roles'],
          ),
        );
      }),
    );
}
