import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createChatModel, RulesChatModel } from '../../agents/model/index.ts';
import { loadConfig } from '../../config/index.ts';
import { BillingError, exitCodeFor, toBillingError } from '../../tools/errors.ts';
import { demoDatasetAt } from './build-dataset.ts';
import { formatMarkdown, formatTable } from './format-report.ts';
import { loadTasks } from './load-tasks.ts';
import { measureForecasts } from './measure-forecasts.ts';
import { measureFraudDetection } from './measure-fraud-detection.ts';
import { measureCashflow } from '../cashflow/measure-cashflow.ts';
import { measurePaymentRisk } from './measure-payment-risk.ts';
import { measurePaymentFraud } from './measure-payment-fraud.ts';
import { filterTasks, runEvals } from './run-evals.ts';
import { SimulatedUser } from './simulate-user.ts';

const USAGE =
  'npm run eval -- [--tasks DIR] [--model offline|openai] [--trials K] [--json] [--filter CATEGORY[,CATEGORY|tag:TAG]] [--out DIR] [--dataset FILE] [--no-fraud] [--no-cashflow] [--no-risk]';

/** `npm run eval`: runs the task set, prints the table (or JSON), writes the JSON and Markdown reports. */
async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      tasks: { type: 'string', default: 'evals/tasks' },
      model: { type: 'string', default: 'offline' },
      trials: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      filter: { type: 'string' },
      out: { type: 'string', default: 'evals/out' },
      dataset: { type: 'string' },
      'no-fraud': { type: 'boolean', default: false },
      'no-cashflow': { type: 'boolean', default: false },
      'no-risk': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const trials = Number(values.trials);
  if (!Number.isInteger(trials) || trials < 1 || trials > 50) throw new BillingError('INVALID_INPUT', `--trials is a whole number from 1 to 50, not ${values.trials}`);
  if (values.model !== 'offline' && values.model !== 'openai') throw new BillingError('INVALID_INPUT', `--model is offline or openai, not ${values.model}`);
  const tasksDir = resolve(values.tasks);
  const tasks = filterTasks(loadTasks(tasksDir), values.filter);
  if (tasks.length === 0) throw new BillingError('NOT_FOUND', `no task matches --filter ${values.filter}`);

  let created;
  if (values.model === 'openai') {
    const config = loadConfig();
    created = createChatModel(config, {
      fallback: () => {
        throw new BillingError('INVALID_CONFIG', '--model openai needs OPENAI_BASE_URL or OPENAI_API_KEY (and SWITCHBOARD_MODEL)');
      },
    });
  } else {
    const model = new RulesChatModel({});
    created = { model, kind: 'offline' as const, name: model.getName() };
  }
  // The simulated user is the same model as the agents; offline runs play the scripted turns.
  const simulator = created.kind === 'openai' ? new SimulatedUser(created.model) : undefined;
  const report = await runEvals({
    tasks,
    model: created.model,
    modelKind: created.kind,
    modelName: created.name,
    trials,
    tasksDir: values.tasks!,
    filter: values.filter ?? null,
    ...(simulator ? { simulator } : {}),
    // A kept demo-operator file, to iterate on tasks without rebuilding the demo each run.
    ...(values.dataset ? { datasets: { 'demo-operator': await demoDatasetAt(resolve(values.dataset)) } } : {}),
    onTrial: (t, done, total) => {
      if (!values.json && process.stderr.isTTY) process.stderr.write(`\r${done}/${total} ${t.outcome.padEnd(15)} ${t.taskId.padEnd(50).slice(0, 50)}`);
    },
  });
  if (!values.json && process.stderr.isTTY) process.stderr.write('\n');
  // Not a conversation: the forecast's error against the straight line, on generated months with a fixed seed.
  report.forecast = measureForecasts();
  // The detection figures: the detectors on a seeded labelled month (deterministic, model-independent).
  if (!values['no-fraud']) report.fraud = measureFraudDetection();
  // The cash-flow forecast's back-test on a seeded generated history (docs/cashflow.md).
  if (!values['no-cashflow']) report.cashflow = measureCashflow();
  // The payment-risk score's AUC against ageing alone, on generated payment histories (docs/collections.md).
  if (!values['no-risk']) report.paymentRisk = measurePaymentRisk();
  // The payment-fraud figures: the payment detectors on a seeded labelled payment history (docs/payment-fraud.md).
  if (!values['no-fraud']) report.paymentFraud = measurePaymentFraud();
  const outDir = resolve(values.out!);
  mkdirSync(outDir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const jsonPath = join(outDir, `eval-${report.modelKind}-${stamp}.json`);
  const mdPath = join(outDir, `eval-${report.modelKind}-${stamp}.md`);
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(mdPath, `${formatMarkdown(report)}\n`);
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(outDir, 'latest.md'), `${formatMarkdown(report)}\n`);
  if (values.json)
    console.log(
      JSON.stringify(
        {
          model: report.model,
          modelKind: report.modelKind,
          trialsPerTask: report.trialsPerTask,
          summary: report.summary,
          forecast: report.forecast,
          ...(report.fraud ? { fraud: report.fraud } : {}),
          ...(report.cashflow
            ? {
                cashflow: {
                  cutoffs: report.cashflow.cutoffs,
                  withBands: report.cashflow.withBands.forecast,
                  withoutBands: report.cashflow.withoutBands.forecast,
                  naive: report.cashflow.withBands.naive,
                },
              }
            : {}),
          ...(report.paymentRisk ? { paymentRisk: report.paymentRisk } : {}),
          ...(report.paymentFraud ? { paymentFraud: report.paymentFraud } : {}),
          reports: { json: jsonPath, markdown: mdPath },
        },
        null,
        2,
      ),
    );
  else console.log(`${formatTable(report)}\nReports: ${jsonPath}\n         ${mdPath}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const e = toBillingError(err);
  console.error(JSON.stringify(e.toJSON()));
  process.exit(exitCodeFor(e));
});
