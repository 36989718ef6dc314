import type { Command } from 'commander';
import { confirmAlert, dismissAlert, listAlerts, scanAlerts, setAlertThresholds, showAlert, showAlertThresholds } from '../../app/alerts/index.ts';
import { runOperation } from '../../app/operation.ts';
import { BillingError } from '../../tools/errors.ts';
import { ALERT_SEVERITIES, ALERT_STATUSES, FRAUD_DETECTORS, type AlertSeverity, type AlertStatus, type FraudDetector } from '../../tools/fraud/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, choiceOption, parseIntOption, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

type Opts = GlobalOptions & { as?: string };
const COLUMNS = ['id', 'detector', 'severity', 'status', 'subject', 'firstAt', 'summary'];

function alertId(id: string): number {
  if (!/^\d{1,12}$/.test(id) || Number(id) < 1) throw new BillingError('INVALID_INPUT', `an alert id is a whole number >= 1 (from \`switchboard alerts list\`), got "${id}"`);
  return Number(id);
}

/** The evidence of an alert as text: statistics, threshold, signals, events. */
function evidenceText(a: Awaited<ReturnType<typeof showAlertRun>>): string {
  const kv = (o: Record<string, unknown>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  return [
    `Alert ${a.id}: ${a.detector} ${a.severity}, ${a.status}${a.decidedBy ? ` by ${a.decidedBy} (${a.decisionReason})` : ''}`,
    `  ${a.summary}`,
    `  about ${a.subjectKind.replace('_', ' ')} ${a.subject}, ${a.firstAt} .. ${a.lastAt} (${a.source}${a.batchId ? `, batch ${a.batchId}` : ''})`,
    `  statistics: ${kv(a.evidence.statistics)}`,
    `  threshold: ${kv(a.evidence.threshold)}`,
    ...(a.evidence.signals.length ? [`  signals: ${a.evidence.signals.join('; ')}`] : []),
    `  events (${a.evidence.eventCount}): ${a.evidence.events.slice(0, 10).join(', ')}${a.evidence.events.length > 10 ? ', ...' : ''}`,
    ...(a.proposalId
      ? [`  bar-line proposal ${a.proposalId} (switchboard approvals show ${a.proposalId})`]
      : a.canProposeBar && a.status === 'open'
        ? ['  critical: `alerts confirm --bar` proposes barring the line']
        : []),
  ].join('\n');
}

// Only for the type of a shown alert.
const showAlertRun = (store: Parameters<Parameters<typeof withStore>[1]>[0], as: string | undefined, id: number) => runOperation(showAlert, cliContext(store, as), { id });

/** `switchboard alerts list|show|confirm|dismiss|scan|thresholds`: fraud and anomaly alerts (docs/fraud.md). */
export function registerAlerts(program: Command): void {
  const a = program.command('alerts').description('fraud and anomaly alerts: list, show with evidence, confirm (may propose barring the line), dismiss, scan recent usage, thresholds');
  a.command('list')
    .description('alerts, newest first')
    .addOption(choiceOption('--status <status>', ALERT_STATUSES.join(', '), ALERT_STATUSES))
    .addOption(choiceOption('--detector <detector>', FRAUD_DETECTORS.join(', '), FRAUD_DETECTORS))
    .addOption(choiceOption('--severity <severity>', ALERT_SEVERITIES.join(', '), ALERT_SEVERITIES))
    .option('--subject <subject>', 'one line, calling range or destination')
    .option('--limit <n>', 'at most this many', '100')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { status?: AlertStatus; detector?: FraudDetector; severity?: AlertSeverity; subject?: string; limit: string }>();
        const input = { status: opts.status, detector: opts.detector, severity: opts.severity, subject: opts.subject, limit: parseIntOption('limit', opts.limit, 1) };
        const out = await withStore(opts, (store) => runOperation(listAlerts, cliContext(store, opts.as), input));
        printResult(opts, out, (r) =>
          [r.alerts.length ? table(r.alerts, COLUMNS) : 'No alerts.', `open ${r.counts.open}, confirmed ${r.counts.confirmed}, dismissed ${r.counts.dismissed}`].join('\n'),
        );
      }),
    );
  a.command('show <id>')
    .description('one alert with its evidence: the events, the statistics, the threshold it crossed')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts>();
        const out = await withStore(opts, (store) => showAlertRun(store, opts.as, alertId(id)));
        printResult(opts, out, evidenceText);
      }),
    );
  a.command('confirm <id>')
    .description('the alert is fraud; --bar proposes barring the line (critical alerts about a line; another person approves)')
    .requiredOption('--reason <text>', 'why')
    .option('--bar', 'propose barring the line')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { reason: string; bar?: boolean }>();
        const out = await withStore(opts, (store) => runOperation(confirmAlert, cliContext(store, opts.as), { id: alertId(id), reason: opts.reason, proposeBar: Boolean(opts.bar) }));
        printResult(opts, out, (r) =>
          [
            `Alert ${r.alert.id} confirmed by ${r.alert.decidedBy}.`,
            ...(r.proposal ? [`Proposal ${r.proposal.id} to bar line ${r.alert.subject} waits for approval (switchboard approvals show ${r.proposal.id}).`] : []),
          ].join('\n'),
        );
      }),
    );
  a.command('dismiss <id>')
    .description('the alert is not fraud (a false alert)')
    .requiredOption('--reason <text>', 'why')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { reason: string }>();
        const out = await withStore(opts, (store) => runOperation(dismissAlert, cliContext(store, opts.as), { id: alertId(id), reason: opts.reason }));
        printResult(opts, out, (r) => `Alert ${r.alert.id} dismissed by ${r.alert.decidedBy}.`);
      }),
    );
  a.command('scan')
    .description('run the detectors over recent stored usage now (the worker does it on its schedule)')
    .option('--days <n>', 'how many days back', '35')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { days: string }>();
        const out = await withStore(opts, (store) => runOperation(scanAlerts, cliContext(store, opts.as), { days: parseIntOption('days', opts.days, 1) }));
        printResult(opts, out, (r) => `Scanned ${r.events} events: ${r.alerts.length} new alert(s)${r.alerts.length ? ` (${r.alerts.join(', ')})` : ''}.`);
      }),
    );
  a.command('thresholds')
    .description("the detectors' thresholds (defaults: docs/fraud.md); --set changes them")
    .option('--set <json>', 'thresholds by detector, e.g. \'{"irsf":{"warningCalls":8}}\' (what is not given stays at its default)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { set?: string }>();
        let thresholds: unknown;
        if (opts.set !== undefined) {
          try {
            thresholds = JSON.parse(opts.set);
          } catch {
            throw new BillingError('INVALID_INPUT', '--set must be JSON, e.g. \'{"irsf":{"warningCalls":8}}\'');
          }
        }
        const out = await withStore(opts, (store) =>
          opts.set !== undefined ? runOperation(setAlertThresholds, cliContext(store, opts.as), { thresholds }) : runOperation(showAlertThresholds, cliContext(store, opts.as), {}),
        );
        printResult(opts, out, (r) =>
          Object.entries(r)
            .map(
              ([d, t]) =>
                `${d}: ${Object.entries(t as Record<string, unknown>)
                  .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(' ') : v}`)
                  .join(', ')}`,
            )
            .join('\n'),
        );
      }),
    );
}
