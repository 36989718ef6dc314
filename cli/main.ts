import type { Command } from 'commander';
import { registerAccounts } from './commands/accounts.ts';
import { registerApprovals } from './commands/approvals.ts';
import { registerAudit } from './commands/audit.ts';
import { registerBatches } from './commands/batches.ts';
import { registerChat } from './commands/chat.ts';
import { registerUsers } from './commands/users.ts';
import { registerBill } from './commands/bill.ts';
import { registerCycle } from './commands/cycle.ts';
import { registerCatalog } from './commands/catalog.ts';
import { registerConfig } from './commands/config.ts';
import { registerInvoice } from './commands/invoice.ts';
import { registerCost } from './commands/cost.ts';
import { registerDemo } from './commands/demo.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerQuarantine } from './commands/quarantine.ts';
import { registerPortal } from './commands/portal.ts';
import { registerNotifications } from './commands/notifications.ts';
import { registerAlerts } from './commands/alerts.ts';
import { registerAssurance } from './commands/assurance.ts';
import { registerCollections } from './commands/collections.ts';
import { registerPayments } from './commands/payments.ts';
import { registerTax } from './commands/tax.ts';
import { registerRate } from './commands/rate.ts';
import { registerRerate } from './commands/rerate.ts';
import { registerServe } from './commands/serve.ts';
import { registerTariffs } from './commands/tariffs.ts';
import { registerUsage } from './commands/usage.ts';
import { registerWhatIf } from './commands/whatif.ts';
import { registerPricing } from './commands/pricing.ts';
import { registerWorker } from './commands/worker.ts';
import { registerForecast } from './commands/forecast.ts';
import { registerCashflow } from './commands/cashflow.ts';
import { finishProgram, newProgram } from './program.ts';
import { start } from './start.ts';

/** Builds the `switchboard` program with every command registered (the bin loads only the one it runs: start.ts). */
export function buildProgram(): Command {
  const program = newProgram();
  for (const register of [
    registerDemo,
    registerGenerate,
    registerTariffs,
    registerCost,
    registerIngest,
    registerBatches,
    registerQuarantine,
    registerUsage,
    registerRate,
    registerCatalog,
    registerAccounts,
    registerBill,
    registerCycle,
    registerRerate,
    registerWhatIf,
    registerPricing,
    registerInvoice,
    registerConfig,
    registerUsers,
    registerPortal,
    registerNotifications,
    registerCollections,
    registerPayments,
    registerAlerts,
    registerAssurance,
    registerTax,
    registerChat,
    registerApprovals,
    registerServe,
    registerWorker,
    registerAudit,
    registerForecast,
    registerCashflow,
  ]) {
    register(program);
  }
  return finishProgram(program);
}

/** Runs the CLI with argv as the bin does (start.ts); usage errors exit 2 (with a JSON error under --json). */
export async function main(argv: string[]): Promise<void> {
  await start(argv);
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) await main(process.argv);
