import type { Command } from 'commander';
import { getApprovalPolicy, getOperatorSettings, parseSettingValue, setApprovalPolicy, setOperatorSetting, type Store } from '../../db/index.ts';
import { approvalPolicySchema } from '../../tools/approval/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { action, printResult } from '../output.ts';
import { AS_OPTION, actingUser } from './acting-user.ts';

const render = (s: Record<string, unknown>) =>
  Object.entries(s)
    .map(([k, v]) => `${k.padEnd(20)} ${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join('\n');

/** Keys of the four-eyes policy (operator setting `approvals`), set through the same command. */
const POLICY_KEYS = new Set(Object.keys(approvalPolicySchema.shape));

/** Every setting `config show` lists: the operator settings and the approval policy. */
function allSettings(store: Store): Record<string, unknown> {
  return { ...getOperatorSettings(store), ...getApprovalPolicy(store) };
}

/**
 * Changes one key of the approval policy. The policy guards every proposal of the operator, so only
 * an admin of the operator's own tenant may change it, and the change is audited (before, after, who).
 */
function setPolicyKey(store: Store, as: string | undefined, key: string, value: string): void {
  const user = actingUser(store, as);
  const operatorTenant = getOperatorSettings(store).tenant;
  if (!user.roles.includes('admin') || user.tenant !== operatorTenant) {
    throw new BillingError('FORBIDDEN', `only an admin of ${operatorTenant} may change the approval policy; ${user.id} is ${user.roles.join(', ')} of ${user.tenant}`);
  }
  setApprovalPolicy(store, { ...getApprovalPolicy(store), [key]: value }, { tenant: user.tenant, userId: user.id });
}

/** `switchboard config show|set`: the operator settings stored in the database. */
export function registerConfig(program: Command): void {
  const config = program.command('config').description('operator settings (home country, time zone, number ranges, extensions) and the approval policy');
  config
    .command('show')
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions>();
        printResult(opts, await withStore(opts, allSettings), render);
      }),
    );
  config
    .command('set <key> <value>')
    .description(
      'set one setting; lists are comma-separated (e.g. internalExtensions 1000-1999,2000; inboundContexts from-pstn,from-trunk); secondApproverAbove (a decimal amount above which a second approver is needed) needs --as an admin',
    )
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (key: string, value: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        const updated = await withStore(opts, (store) => {
          if (POLICY_KEYS.has(key)) setPolicyKey(store, opts.as, key, value);
          else setOperatorSetting(store, key, parseSettingValue(key, value));
          return allSettings(store);
        });
        printResult(opts, updated, render);
      }),
    );
}
