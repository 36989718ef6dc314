import type { Command } from 'commander';
import { createContext, localActor, runOperation, systemClock, type OperationContext } from '../../app/index.ts';
import { addUser, createToken, listTokens, listUsers, revokeToken } from '../../app/users/index.ts';
import { getOperatorSettings, type Store } from '../../db/index.ts';
import { roleSchema } from '../../tools/approval/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

/**
 * The context of a users command: `--as` an admin, else the holder of the database file, who
 * administers every tenant in it (`--tenant` picks the one a new user joins).
 */
function usersContext(store: Store, opts: { as?: string; tenant?: string }): OperationContext {
  if (opts.as !== undefined) {
    if (opts.tenant !== undefined) throw new BillingError('INVALID_INPUT', '--tenant is for the local operator; with --as the user joins your own tenant');
    return cliContext(store, opts.as);
  }
  return createContext({ store, actor: localActor(opts.tenant ?? getOperatorSettings(store).tenant), clock: systemClock() });
}

const TOKEN_COLUMNS = ['id', 'userId', 'prefix', 'label', 'createdAt', 'lastUsedAt', 'revokedAt'];

/** `switchboard users add|list|token`: who may ask (analyst), approve (approver), administer (admin), or see one account (customer). */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('people who chat with the agents and approve proposals');
  users
    .command('add <id>')
    .description('add or update a user')
    .requiredOption('--roles <roles>', `comma-separated: ${roleSchema.options.join(', ')}`)
    .option('--name <name>', 'display name (default: the id)')
    .option('--tenant <tenant>', "the user's operator (default: this database's tenant)")
    .option('--account <id>', "a customer user's account (with --roles customer)")
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { roles: string; name?: string; tenant?: string; account?: string; as?: string }>();
        const roles = opts.roles
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean);
        const bad = roles.filter((r) => !roleSchema.safeParse(r).success);
        if (bad.length) throw new BillingError('INVALID_INPUT', `unknown role ${bad.join(', ')}; one of ${roleSchema.options.join(', ')}`);
        const input = { id, roles, ...(opts.name !== undefined ? { name: opts.name } : {}), ...(opts.account !== undefined ? { accountId: opts.account } : {}) };
        const user = await withStore(opts, (store) => runOperation(addUser, usersContext(store, opts), input));
        printResult(opts, user, (u) => `User ${u.id} (${u.name}) of ${u.tenant}: ${u.roles.join(', ')}${u.accountId ? ` (account ${u.accountId})` : ''}`);
      }),
    );
  users
    .command('list')
    .description('list users')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        const { users: rows } = await withStore(opts, (store) => runOperation(listUsers, usersContext(store, opts), {}));
        printResult(opts, rows, (r) =>
          table(
            r.map((u) => ({ ...u, roles: u.roles.join(',') })),
            ['id', 'name', 'tenant', 'roles'],
          ),
        );
      }),
    );
  const token = users.command('token').description('API tokens (Authorization: Bearer <token>)');
  token
    .command('create <user>')
    .description('make an API token for a user; it is printed once (only its hash is stored)')
    .option('--label <text>', 'what the token is for', 'api')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (user: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { label: string; as?: string }>();
        const out = await withStore(opts, (store) => runOperation(createToken, usersContext(store, opts), { userId: user, label: opts.label }));
        printResult(opts, out, (o) => `${o.token}\nToken ${o.info.id} for ${o.info.userId} (${o.info.label}). It is shown only this once: only its hash is stored.`);
      }),
    );
  token
    .command('list [user]')
    .description('API tokens, of one user or all (never the tokens themselves)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (user: string | undefined, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        const { tokens } = await withStore(opts, (store) => runOperation(listTokens, usersContext(store, opts), user === undefined ? {} : { userId: user }));
        printResult(opts, tokens, (t) => table(t, TOKEN_COLUMNS));
      }),
    );
  token
    .command('revoke <id>')
    .description('revoke an API token by id: it stops working at once')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        if (!/^\d{1,12}$/.test(id) || Number(id) < 1) throw new BillingError('INVALID_INPUT', `a token id is a whole number >= 1 (from \`switchboard users token list\`), got "${id}"`);
        const out = await withStore(opts, (store) => runOperation(revokeToken, usersContext(store, opts), { tokenId: Number(id) }));
        printResult(opts, out, (t) => `Token ${t.id} of ${t.userId} (${t.label}) revoked at ${t.revokedAt}`);
      }),
    );
}
