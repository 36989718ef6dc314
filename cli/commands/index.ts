import type { Command } from 'commander';

/**
 * A command as `switchboard --help` lists it, and how to load its definition. Each command's module
 * (and the db/, tools/ and package code behind it) is imported only when that command runs, so
 * `--version`, `--help` and each command start without loading the others (docs/architecture.md,
 * "Start-up"). The terms and descriptions repeat the commands' own; cli/start.test.ts checks
 * that this list and the complete program (buildProgram) agree.
 */
export interface CommandEntry {
  name: string;
  /** The command as the help lists it: name, `[options]` when it has any, arguments. */
  term: string;
  description: string;
  load(): Promise<(program: Command) => void>;
}

/** Every command, in the order `switchboard --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'demo',
    term: 'demo [options]',
    description: 'run the billing core on a demo operator: generate CDRs, ingest, classify, rate, summarise',
    load: async () => (await import('./demo.ts')).registerDemo,
  },
  {
    name: 'generate',
    term: 'generate [options]',
    description: 'write a seeded, realistic CDR file (busy hours, unanswered calls, roaming, SMS, data, a few malformed lines)',
    load: async () => (await import('./generate.ts')).registerGenerate,
  },
  { name: 'tariffs', term: 'tariffs', description: 'import and list tariff plans', load: async () => (await import('./tariffs.ts')).registerTariffs },
  { name: 'cost', term: 'cost [options]', description: 'price one usage with the imported tariff (CGRateS GetCost)', load: async () => (await import('./cost.ts')).registerCost },
  {
    name: 'ingest',
    term: 'ingest [options] <file>',
    description: 'ingest a CDR file: parse, classify, store (every line accepted, duplicate or quarantined)',
    load: async () => (await import('./ingest.ts')).registerIngest,
  },
  { name: 'batches', term: 'batches', description: 'ingestion runs: one per file, with its state and counts', load: async () => (await import('./batches.ts')).registerBatches },
  { name: 'quarantine', term: 'quarantine', description: 'records that could not be read, kept with a reason', load: async () => (await import('./quarantine.ts')).registerQuarantine },
  { name: 'usage', term: 'usage', description: 'inspect usage events', load: async () => (await import('./usage.ts')).registerUsage },
  { name: 'rate', term: 'rate [options]', description: 'rate every accepted, unrated usage event', load: async () => (await import('./rate.ts')).registerRate },
  {
    name: 'catalog',
    term: 'catalog',
    description: 'import and list product catalogs (plans, promotions, discounts, one-time charges)',
    load: async () => (await import('./catalog.ts')).registerCatalog,
  },
  { name: 'accounts', term: 'accounts', description: 'customers, accounts and subscriptions', load: async () => (await import('./accounts.ts')).registerAccounts },
  {
    name: 'bill',
    term: 'bill [options]',
    description: 'bill a period: one invoice per account (issued, or held for a person when flagged); running it again creates nothing',
    load: async () => (await import('./bill.ts')).registerBill,
  },
  {
    name: 'cycle',
    term: 'cycle',
    description: 'billing cycles: a whole period (close usage, rate, categorise, bill, audit, hold, documents), resumable',
    load: async () => (await import('./cycle.ts')).registerCycle,
  },
  {
    name: 'rerate',
    term: 'rerate [options]',
    description: 're-rate a period after a tariff correction: per-event changes logged; issued invoices corrected by credit or debit notes, unissued ones billed again',
    load: async () => (await import('./rerate.ts')).registerRerate,
  },
  {
    name: 'whatif',
    term: 'whatif [options]',
    description: 'what each line of an account would have paid in a period on every other plan (exact, before tax)',
    load: async () => (await import('./whatif.ts')).registerWhatIf,
  },
  {
    name: 'pricing',
    term: 'pricing',
    description: 'pricing what-ifs (a past month under a proposed tariff or catalog) and usage trends',
    load: async () => (await import('./pricing.ts')).registerPricing,
  },
  { name: 'invoice', term: 'invoice', description: 'show and list invoices, credit and debit notes', load: async () => (await import('./invoice.ts')).registerInvoice },
  {
    name: 'config',
    term: 'config',
    description: 'operator settings (home country, time zone, number ranges, extensions) and the approval policy',
    load: async () => (await import('./config.ts')).registerConfig,
  },
  { name: 'users', term: 'users', description: 'people who chat with the agents and approve proposals', load: async () => (await import('./users.ts')).registerUsers },
  {
    name: 'portal',
    term: 'portal',
    description: 'customer portal links: make one for an account, list them, revoke one',
    load: async () => (await import('./portal.ts')).registerPortal,
  },
  {
    name: 'notifications',
    term: 'notifications',
    description: 'notifications to customers: the outbox, a delivery pass, dead letters, resend, an account’s settings',
    load: async () => (await import('./notifications.ts')).registerNotifications,
  },
  {
    name: 'collections',
    term: 'collections',
    description: 'collections: the daily run (reminders, late fees, restrictions, bars), an account’s risk and ladder, promises to pay',
    load: async () => (await import('./collections.ts')).registerCollections,
  },
  {
    name: 'payments',
    term: 'payments',
    description: 'payments in: import bank statements (camt.053/054) and processor CSV, list, unmatched, show, match by hand; refunds of credit balances (proposals) and payment-fraud scans',
    load: async () => (await import('./payments.ts')).registerPayments,
  },
  {
    name: 'alerts',
    term: 'alerts',
    description: 'fraud and anomaly alerts: list, show with evidence, confirm (may propose barring the line), dismiss, scan recent usage, thresholds',
    load: async () => (await import('./alerts.ts')).registerAlerts,
  },
  {
    name: 'assurance',
    term: 'assurance',
    description: 'revenue assurance: the reconciliation of a billing month from the switch to the bank, every gap by cause and its money',
    load: async () => (await import('./assurance.ts')).registerAssurance,
  },
  {
    name: 'tax',
    term: 'tax',
    description: 'tax and regulatory pack versions: import one, list, diff in words, preview its impact, propose its adoption',
    load: async () => (await import('./tax.ts')).registerTax,
  },
  {
    name: 'chat',
    term: 'chat [options] [message...]',
    description: 'ask the billing agents in plain words (interactive without a message); money-changing requests become proposals for approvers',
    load: async () => (await import('./chat.ts')).registerChat,
  },
  { name: 'approvals', term: 'approvals', description: 'proposals that wait for people: list, show, approve, reject', load: async () => (await import('./approvals.ts')).registerApprovals },
  {
    name: 'serve',
    term: 'serve [options]',
    description: 'serve the HTTP API (/api/v1, /api/docs, /healthz, /readyz, /metrics), the console (/) and the portal (/portal) until stopped (Ctrl-C or SIGTERM)',
    load: async () => (await import('./serve.ts')).registerServe,
  },
  {
    name: 'worker',
    term: 'worker [options]',
    description:
      'run the scheduled work on BullMQ (Redis at $REDIS_URL): drop folders, hourly rating, the overdue pass, the monthly bill run in shards; until stopped (SIGTERM finishes the current job)',
    load: async () => (await import('./worker.ts')).registerWorker,
  },
  {
    name: 'audit',
    term: 'audit [options]',
    description: "your operator's audit log: every agent tool call and error, proposal, decision, refusal and posting, oldest first",
    load: async () => (await import('./audit.ts')).registerAudit,
  },
  {
    name: 'forecast',
    term: 'forecast [options]',
    description: "an account's projected use to the period end per line and allowance (weekday pattern and history, beside the straight line), with extra charges and cheaper plans",
    load: async () => (await import('./forecast.ts')).registerForecast,
  },
  {
    name: 'cashflow',
    term: 'cashflow [options]',
    description: 'expected receipts per week from open invoices (learned collection curves by age and risk), what is later or doubtful, and the accounts to chase first',
    load: async () => (await import('./cashflow.ts')).registerCashflow,
  },
];
