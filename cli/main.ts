import { Command, CommanderError } from 'commander';
import { registerAccounts } from './commands/accounts.ts';
import { registerApprovals } from './commands/approvals.ts';
import { registerAudit } from './commands/audit.ts';
import { registerBatches } from './commands/batches.ts';
import { registerChat } from './commands/chat.ts';
import { registerUsers } from './commands/users.ts';
import { registerBill } from './commands/bill.ts';
import { registerCatalog } from './commands/catalog.ts';
import { registerConfig } from './commands/config.ts';
import { registerInvoice } from './commands/invoice.ts';
import { registerCost } from './commands/cost.ts';
import { registerDemo } from './commands/demo.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerQuarantine } from './commands/quarantine.ts';
import { registerRate } from './commands/rate.ts';
import { registerRerate } from './commands/rerate.ts';
import { registerTariffs } from './commands/tariffs.ts';
import { registerUsage } from './commands/usage.ts';
import { registerWhatIf } from './commands/whatif.ts';
import { reportError } from './output.ts';
import { BillingError } from '../tools/errors.ts';

/** Builds the `switchboard` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('switchboard')
    .description('Switchboard: agent-orchestrated billing for telecom operators')
    .version('0.1.0')
    .option('--db <path>', 'SQLite database file (default: $SWITCHBOARD_DB or ./data/switchboard.db)')
    // Every command refuses an empty path, even those that never open the database: it is a mistake.
    .hook('preAction', (cmd) => {
      if (cmd.opts<{ db?: string }>().db?.trim() === '') throw new BillingError('INVALID_INPUT', '--db is empty: give it a file (an empty path would open a temporary database that keeps nothing)');
    });
  for (const register of [registerDemo, registerGenerate, registerTariffs, registerCost, registerIngest, registerBatches, registerQuarantine, registerUsage, registerRate, registerCatalog, registerAccounts, registerBill, registerRerate, registerWhatIf, registerInvoice, registerConfig, registerUsers, registerChat, registerApprovals, registerAudit]) {
    register(program);
  }
  (function quietAll(cmd: Command) {
    // Usage errors are reported once, by main, as one line (or JSON) naming the command's --help.
    cmd.configureOutput({ outputError: () => undefined });
    cmd.exitOverride((err) => {
      throw Object.assign(err, { commandName: commandPath(cmd) });
    });
    cmd.commands.forEach(quietAll);
  })(program);
  return program;
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Runs the CLI with argv; usage errors exit 2 (with a JSON error under --json). */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        process.exitCode = 0;
        return;
      }
      const name = (err as CommanderError & { commandName?: string }).commandName ?? 'switchboard';
      reportError(new BillingError('INVALID_INPUT', `${err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (see ${name} --help)`), argv.includes('--json'));
      return;
    }
    reportError(err, argv.includes('--json'));
  }
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) await main(process.argv);
