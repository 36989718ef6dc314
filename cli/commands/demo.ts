import type { Command } from 'commander';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPopulationFor, writeCdrFile, type GeneratorOptions } from '../../evals/generator/index.ts';
import { getOperatorSettings, iterateRatedCosts, listFraudAlerts, listUsageEvents, setOperatorSetting, usageCounts, type Store } from '../../db/index.ts';
import { summarizeRatedCosts } from '../../tools/rating/index.ts';
import { loadConfig } from '../../config/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { checkOutputFolder } from '../output-file.ts';
import { action, parseIntOption, printResult, table } from '../output.ts';
import { listenAddress } from '../serve-http.ts';
import { importTariffFromPath } from './tariffs.ts';
import { runDemoBilling, seedDemoCustomers } from './demo-billing.ts';
import type { DemoAgentsOptions } from './demo-agents.ts';
import { ingestFile } from '../../app/ingest/index.ts';
import { ingestNextPeriodUsage } from './demo-next-period.ts';
import { formatDemoCashflow, runDemoCashflow } from './demo-cashflow.ts';
import { ratePending } from '../../app/rating/index.ts';
import { reportAssurance } from '../../app/assurance/index.ts';
import { createContext, localActor, runOperation } from '../../app/index.ts';
import { formatAssuranceReport } from '../../tools/assurance/index.ts';

const DATASET = resolve(dirname(fileURLToPath(import.meta.url)), '../../evals/datasets/demo-operator');

/**
 * Fraud on top of the demo, after the billed March and the agents' steps (so their figures stay as
 * they were): ten days of April with an IRSF burst, a Wangiri wave and a SIM box injected
 * (evals/generator), raised while the file is ingested. Also the eval fixture `fraud-april`.
 */
export async function ingestDemoFraud(store: Store, opts: { dir: string; seed: number }) {
  const month: GeneratorOptions = { seed: opts.seed, subscribers: 1000, format: 'jsonl', rows: 0, start: '2025-04-01', days: 10, fraud: { irsf: 1, wangiri: 1, simbox: 1 } };
  const file = join(opts.dir, 'fraud-april.jsonl');
  mkdirSync(opts.dir, { recursive: true });
  if (!existsSync(file)) await writeCdrFile(file, month);
  const report = await ingestFile(store, file, { format: 'jsonl', rate: true });
  const alerts = listFraudAlerts(store, getOperatorSettings(store).tenant, { limit: 20 });
  return { file, accepted: report.accepted, alerts: alerts.map((a) => ({ id: a.id, detector: a.detector, severity: a.severity, summary: a.summary })) };
}

/** Runs the whole flow on a believable demo operator: settings, tariff, CDRs, ingest, rate, catalog, accounts, bill, summary; `fraud: false` leaves out the April fraud; `nextPeriod` takes in April whole for its cycle. */
export async function runDemo(
  store: Store,
  opts: { rows: number; seed: number; dir: string; fraud?: boolean; collections?: boolean; payments?: boolean; taxUpdate?: boolean; nextPeriod?: boolean } & Pick<DemoAgentsOptions, 'model' | 'today'>,
) {
  const settings = JSON.parse(readFileSync(join(DATASET, 'settings.json'), 'utf8')) as Record<string, unknown>;
  const generator: GeneratorOptions = { rows: opts.rows, seed: opts.seed, subscribers: 1000, start: '2025-03-01', days: 31 };
  // The generator knows which numbers it made on-net; the classifier must agree with it.
  const population = buildPopulationFor(generator);
  for (const [key, value] of Object.entries({ ...settings, ...population.operatorSettings })) setOperatorSetting(store, key, value);
  const tariff = importTariffFromPath(join(DATASET, 'tariff.yaml'), {}, store);
  const seeded = seedDemoCustomers(store, { dataset: DATASET, population, seed: opts.seed, period: '2025-03' });

  const files = [
    { format: 'asterisk' as const, path: join(opts.dir, 'Master.csv'), rows: opts.rows },
    { format: 'jsonl' as const, path: join(opts.dir, 'usage.jsonl'), rows: Math.max(1, Math.ceil(opts.rows / 2)) },
  ];
  mkdirSync(opts.dir, { recursive: true });
  const ingests = [];
  for (const f of files) {
    // Same seed, same bytes: a second demo run re-ingests identical files and finds only duplicates.
    // The demo's switch file keeps its subscribers' traffic only (no calls from other networks), so
    // its event ids, which the eval tasks name, stay those of earlier builds.
    if (!existsSync(f.path)) await writeCdrFile(f.path, { ...generator, format: f.format, rows: f.rows, inboundShare: 0, transitShare: 0 });
    ingests.push(await ingestFile(store, f.path, { format: f.format }));
  }
  const rating = ratePending(store, {});
  const billing = { ...seeded, ...(await runDemoBilling(store, { dir: opts.dir, period: '2025-03', currency: seeded.catalog.currency })) };
  const { runDemoAgents } = await import('./demo-agents.ts');
  const agents = await runDemoAgents(store, { period: '2025-03', model: opts.model, today: opts.today });
  const fraud = opts.fraud === false ? null : await ingestDemoFraud(store, { dir: opts.dir, seed: opts.seed });
  // The billed month's bank statement, after the agents' steps so their figures stay as they were (docs/payments.md).
  const payments = opts.payments === false ? null : (await import('./demo-payments.ts')).importDemoStatement(store, { dir: opts.dir, seed: opts.seed, period: '2025-03' });
  // A dunning step on the demo's data, after the statement (a paid invoice stops its ladder; docs/collections.md); the eval dataset is built without it, so its proposal ids stay.
  const collections = opts.collections === false ? null : (await import('./demo-collections.ts')).runDemoCollections(store);
  // Romania's VAT rise as a pack update: compared, previewed on March and adopted through approval (docs/taxes.md); the eval dataset is built without it, as its proposal ids would move.
  const taxUpdate =
    opts.taxUpdate === false
      ? null
      : await (async () => {
          const { runDemoTaxUpdate } = await import('./demo-tax.ts');
          const { chatModel } = await import('./acting-user.ts');
          return runDemoTaxUpdate(store, { period: '2025-03', today: opts.today, model: opts.model ?? (await chatModel()).model });
        })();
  // The month after, whole, for `switchboard cycle run` (the served demo has its own April, up to its calendar day).
  // Read only: the forecast of what the billed March brings in, on the demo's day (before April's usage, which bills nothing yet).
  const cashflow = await runDemoCashflow(store, opts.today);
  const nextPeriod = opts.nextPeriod ? await ingestNextPeriodUsage(store, { dir: opts.dir, seed: opts.seed, rows: Math.max(1, Math.ceil(opts.rows * 1.5)) }) : null;
  // Revenue assurance of the billed month, last, so it sees what the agents posted (docs/assurance.md).
  const assurance = await runOperation(reportAssurance, createContext({ store, actor: localActor(getOperatorSettings(store).tenant) }), { period: '2025-03', limit: 3 });
  const costs = summarizeRatedCosts(iterateRatedCosts(store));
  const counts = usageCounts(store);
  return {
    database: store.path,
    tariff: { name: tariff.name, version: tariff.version, created: tariff.created },
    ingests: ingests.map((i) => ({ file: i.file, format: i.format, read: i.read, accepted: i.accepted, duplicates: i.duplicates, quarantined: i.quarantined, quarantineReasons: i.quarantineReasons })),
    rating,
    eventsByStatus: Object.fromEntries(counts.byStatus.map((s) => [s.status, s.n])),
    eventsByRoaming: Object.fromEntries(counts.byRoaming.map((s) => [s.roaming, s.n])),
    revenue: costs,
    sample: listUsageEvents(store, { limit: 5, status: 'rated' }),
    billing,
    agents,
    fraud,
    cashflow,
    collections,
    payments,
    taxUpdate,
    nextPeriod,
    assurance,
  };
}

/** `switchboard demo`: the README's main job. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the billing core on a demo operator: generate CDRs, ingest, classify, rate, summarise')
    .option('--rows <n>', 'Asterisk rows to generate (plus half as many JSON Lines records)', '20000')
    .option('--seed <n>', 'generator seed', '7')
    .option('--dir <path>', 'where the CDR files go (default: beside the database, in demo/)')
    .option('--serve', 'then serve the console and portal on the demo (npm start), printing sign-in tokens, until Ctrl-C')
    .option('--host <host>', 'with --serve: address to listen on (default: $SWITCHBOARD_HOST or 127.0.0.1)')
    .option('--port <port>', 'with --serve: port to listen on (default: $SWITCHBOARD_PORT or 8080)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { rows?: string; seed?: string; dir?: string; serve?: boolean; host?: string; port?: string }>();
        const config = loadConfig();
        const dbPath = opts.db ?? config.dbPath;
        // A bad --port is refused before the demo runs, not after.
        const listen = opts.serve ? listenAddress(opts, config) : null;
        const dir = resolve(opts.dir ?? join(dirname(dbPath), 'demo'));
        // An explicit --dir is checked before anything runs; the default one is made beside the database.
        if (opts.dir) checkOutputFolder('--dir', opts.dir);
        const rows = parseIntOption('rows', opts.rows, 1)!;
        const seed = parseIntOption('seed', opts.seed)!;
        const out = await withStore(opts, (store) => runDemo(store, { rows, seed, dir, nextPeriod: !listen }));
        printResult(opts, out, (o) =>
          [
            `Switchboard demo — database ${o.database}`,
            `Tariff ${o.tariff.name} v${o.tariff.version}${o.tariff.created ? ' imported' : ' (already imported)'}`,
            '',
            'Ingestion (every line ends accepted, duplicate or quarantined):',
            table(
              o.ingests.map((i) => ({
                ...i,
                quarantineReasons: Object.entries(i.quarantineReasons)
                  .map(([k, v]) => `${k}:${v}`)
                  .join(' '),
              })),
              ['format', 'read', 'accepted', 'duplicates', 'quarantined', 'quarantineReasons', 'file'],
            ),
            '',
            `Rating: ${o.rating.rated} rated, ${o.rating.ratingFailed} failed ${JSON.stringify(o.rating.failures)}`,
            `Events by status: ${Object.entries(o.eventsByStatus)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
            `Roaming: ${Object.entries(o.eventsByRoaming)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
            '',
            'Rated revenue by category:',
            table(
              Object.entries(o.revenue.byCategory).map(([category, v]) => ({
                category,
                events: v.events,
                total: Object.entries(v.totals)
                  .map(([c, t]) => `${t} ${c}`)
                  .join(', '),
              })),
              ['category', 'events', 'total'],
            ),
            `Total: ${Object.entries(o.revenue.totals)
              .map(([c, t]) => `${t} ${c}`)
              .join(', ')} over ${o.revenue.events} rated events`,
            '',
            `Catalog ${o.billing.catalog.name} v${o.billing.catalog.version} (${o.billing.catalog.plans} plans); ${o.billing.accounts.customers} customers, ${o.billing.accounts.accounts} accounts, ${o.billing.accounts.subscriptions} lines`,
            `Bill run ${o.billing.bill.period}: ${o.billing.bill.created} invoices created, ${o.billing.bill.alreadyPresent} already present, ${o.billing.bill.failed.length} failed`,
            `Invoices: ${o.billing.invoices.issued} issued, ${o.billing.invoices.held} held for review; ${o.billing.invoices.subtotal} + taxes ${o.billing.invoices.taxes} = ${o.billing.invoices.total} ${o.billing.invoices.currency}`,
            ...Object.entries(o.billing.invoices.taxesByName).map(([name, amount]) => `  ${name}: ${amount}`),
            ...o.billing.bill.failed.slice(0, 5).map((f) => `  failed ${f.accountId}: [${f.code}] ${f.message}`),
            '',
            'Invoices to look at (each printed as its account asked: layout, language, detail; docs/invoices-output.md):',
            ...o.billing.printed.flatMap((p) => [
              `  ${p.file}: ${p.layout} layout, ${p.language}${p.largePrint ? ', large print' : ''}${p.detail === 'per_call' ? ', with the call annex' : ''}; ${p.total}; ${p.messages.length} personalised message${p.messages.length === 1 ? '' : 's'}`,
              ...p.messages.slice(0, 2).map((m) => `      ${m}`),
            ]),
            ...o.billing.files.filter((f) => f.endsWith('.xml')).map((f) => `  ${f}: EN 16931 UBL`),
            '',
            ...(o.fraud
              ? [
                  `Fraud alerts on ${o.fraud.file} (${o.fraud.accepted} injected events, raised while it was ingested; switchboard alerts list):`,
                  ...o.fraud.alerts.map((a) => `  alert ${a.id} ${a.detector} ${a.severity}: ${a.summary}`),
                  '',
                ]
              : []),
            ...(o.payments
              ? [
                  `Payments in: camt.053 statement ${o.payments.file} (switchboard payments list; docs/payments.md):`,
                  `  a camt.054 notification first: ${o.payments.notification.read} entry, ${o.payments.notification.matched} matched`,
                  `  statement: ${o.payments.statement.read} entries read = ${o.payments.statement.matched} matched + ${o.payments.statement.partlyMatched} partly matched + ${o.payments.statement.unmatched} unmatched + ${o.payments.statement.duplicate} duplicate + ${o.payments.statement.returned} returned`,
                  `  matched by RF reference ${o.payments.statement.byMethod.creditor_reference}, by invoice number ${o.payments.statement.byMethod.invoice_number}, by amount and payer ${o.payments.statement.byMethod.amount_payer}; ${o.payments.statement.paid.length} invoices paid in full; reopened by the return: ${o.payments.statement.reopened.join(', ') || 'none'}; fee notes ${o.payments.statement.feeNotes.join(', ') || 'none'}`,
                  `  against the generator's truth: ${o.payments.score.correct} of ${o.payments.score.entries} entries ended as meant (${(o.payments.score.rate * 100).toFixed(1)} %); switchboard payments unmatched lists the ${o.payments.statement.unmatched} for a person`,
                  '',
                ]
              : []),
            ...(o.collections
              ? [
                  `Collections (the daily job's ladder on ${o.collections.accountId}'s March invoice ${o.collections.invoice ?? ''}, left open by the statement; docs/collections.md; switchboard collections show ${o.collections.accountId}):`,
                  o.collections.reminder
                    ? `  ${o.collections.reminder.on}: reminder sent by ${o.collections.reminder.channels.join(' and ')} (notification ${o.collections.reminder.notificationId})`
                    : `  ${o.collections.reminderOn}: no reminder sent`,
                  o.collections.lateFee
                    ? `  ${o.collections.lateFee.on}: late fee ${o.collections.lateFee.amount} ${o.collections.lateFee.currency} proposed, ${o.collections.lateFee.status} (switchboard approvals show ${o.collections.lateFee.proposalId})`
                    : `  ${o.collections.lateFeeOn}: no late fee proposed`,
                  '',
                ]
              : []),
            ...formatDemoCashflow(o.cashflow),
            '',
            ...(o.taxUpdate
              ? [
                  `Tax pack update (docs/taxes.md; switchboard tax list): eu-vat ${o.taxUpdate.diff.from} adopted as the baseline (proposal ${o.taxUpdate.baselineProposal}); eu-vat ${o.taxUpdate.diff.to} imported, effective from ${o.taxUpdate.diff.effectiveFrom}:`,
                  ...o.taxUpdate.diff.changes.map((c) => `  ${c}`),
                  `  preview: ${o.taxUpdate.preview.summary}${o.taxUpdate.preview.changed === 0 ? ' No customer of this operator is where the version changes a rate.' : ''}`,
                  o.taxUpdate.proposal
                    ? `  alice proposed its adoption through the compliance agent (proposal ${o.taxUpdate.proposal.id}); carol approved it: ${o.taxUpdate.proposal.status}${o.taxUpdate.proposal.postingRef ? `, ${o.taxUpdate.proposal.postingRef}` : ''}`
                    : `  not proposed: ${o.taxUpdate.answer.split('\n')[0]}`,
                  '',
                ]
              : []),
            `Agents (${o.agents.model ?? 'offline rules model'}; users ${o.agents.users.join(', ')}):`,
            ...o.agents.steps.flatMap((s) => [
              `  ${s.who}> ${s.said}`,
              ...s.answer
                .split('\n')
                .slice(0, 4)
                .map((l) => `    ${l.slice(0, 160)}`),
              `    (${s.calls} model calls, ${s.tokens} tokens)`,
            ]),
            ...o.agents.refusals.map((r) => `  refused: ${r}`),
            ...(o.agents.waiting ? [`  Proposal ${o.agents.waiting.id} waits for a second person: switchboard approvals approve ${o.agents.waiting.id} --as carol --reason "goodwill agreed"`] : []),
            '',
            formatAssuranceReport(o.assurance, { items: 3 }),
            `(every item: switchboard assurance report --period ${o.assurance.period}; the console's Assurance page)`,
            '',
            ...(o.nextPeriod
              ? [
                  `Next period ${o.nextPeriod.period}: ${o.nextPeriod.read} records read, ${o.nextPeriod.accepted} accepted, ${o.nextPeriod.duplicates} duplicates, ${o.nextPeriod.quarantined} quarantined; ${o.nextPeriod.rated} rated. Bill it with its cycle: switchboard cycle run --period ${o.nextPeriod.period}`,
                  '',
                ]
              : []),
            'Next: switchboard chat --as alice "why is invoice INV-000001 what it is?" | switchboard approvals list --as bob | switchboard invoice list --status held | switchboard whatif --account <id> --period 2025-03',
          ].join('\n'),
        );
        if (listen) {
          const { serveDemo } = await import('./demo-serve.ts');
          // March's density: its Asterisk rows and half as many JSON Lines records over the month.
          await withStore(opts, (store) => serveDemo(store, { dir, seed, rows: Math.max(1, Math.ceil(rows * 1.5)), ...listen, config, output: opts }));
        }
      }),
    );
}
