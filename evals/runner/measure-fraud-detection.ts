import { readFileSync } from 'node:fs';
import { createParser, idempotencyKey, plausibilityWindow } from '../../tools/cdr/index.ts';
import { createRecordClassifier, directionRulesFor, operatorSettingsSchema } from '../../tools/classify/index.ts';
import { createFraudStage, defaultFraudThresholds, matchAlertsToLabels, toFraudEvent, type DetectionScore, type FraudLabel } from '../../tools/fraud/index.ts';
import { createEventRater, createTariffBook, loadNativeTariff } from '../../tools/rating/index.ts';
import { buildPopulationFor, generateRows, headerLineFor, injectedFraudFor, tariffWithError, type GeneratorOptions } from '../generator/index.ts';

const TARIFF = new URL('../datasets/demo-operator/tariff.yaml', import.meta.url);
const TENANT = 'switchboard.local';

/**
 * The labelled month the detection figures are measured on (seeded, so the figures are the same
 * every run): generic CSV (every service, roaming) with fraud of every pattern injected, and a
 * tariff error (Germany, France and Spain dropped from the European group from the 17th).
 */
export const FRAUD_EVAL_MONTH = {
  format: 'csv',
  rows: 150_000,
  seed: 14,
  subscribers: 2_000,
  start: '2025-03-01',
  days: 31,
} as const satisfies GeneratorOptions;
export const FRAUD_EVAL_INJECTION = {
  irsf: 10,
  wangiri: 10,
  simbox: 10,
  spike: 12,
  tariffError: {
    prefixes: [
      { prefix: '49', country: 'DE' },
      { prefix: '33', country: 'FR' },
      { prefix: '34', country: 'ES' },
    ],
    fromDay: 16,
  },
};

/** The detection figures `npm run eval` reports. */
export interface FraudDetectionFigures {
  month: { rows: number; seed: number; subscribers: number; lines: number; labels: number };
  detectors: DetectionScore[];
  clean: { lines: number; alerts: number; alertsPer10kLines: number; byDetector: Record<string, number> };
}

/** Runs a generated month through the real parser, classifier, rater and fraud stage (in memory) and returns its alerts. */
export function detectOnGeneratedMonth(options: GeneratorOptions, tariffError?: { prefixes: readonly { prefix: string }[]; fromDay: number }) {
  const population = buildPopulationFor(options);
  const settings = operatorSettingsSchema.parse({ tenant: TENANT, ...population.operatorSettings, timezone: 'Europe/London' });
  const now = Date.parse(`${options.start}T00:00:00Z`) + 40 * 86_400_000;
  const parser = createParser('csv', { timezone: settings.timezone, plausibility: plausibilityWindow(now, { maxRecordAgeDays: 400 }), direction: directionRulesFor(settings) });
  const header = headerLineFor(options);
  if (header) parser.parseLine(header, 0);
  const classify = createRecordClassifier();
  const text = readFileSync(TARIFF, 'utf8');
  const versions = [{ id: 1, name: 'demo', version: 1, effectiveFrom: loadNativeTariff(text).effectiveFrom ?? 0, plan: loadNativeTariff(text).plan }];
  if (tariffError) {
    const day = new Date(Date.parse(`${options.start}T00:00:00Z`) + tariffError.fromDay * 86_400_000).toISOString().slice(0, 10);
    const wrong = loadNativeTariff(tariffWithError(text, { prefixes: tariffError.prefixes.map((p) => p.prefix), effectiveFrom: `${day}T00:00:00` }));
    versions.push({ id: 2, name: 'demo', version: 2, effectiveFrom: wrong.effectiveFrom ?? 0, plan: wrong.plan });
  }
  const rate = createEventRater(createTariffBook(versions), [], settings.timezone);
  const stage = createFraudStage(defaultFraudThresholds(), { timezone: settings.timezone });
  const seen = new Set<string>();
  let lines = 0;
  let lineNo = 1;
  for (const row of generateRows(options)) {
    lines++;
    const outcome = parser.parseLine(row.line, ++lineNo);
    if (outcome.kind !== 'record') continue;
    const key = idempotencyKey('csv', outcome.record, row.line);
    if (seen.has(key)) continue; // a duplicate line is stored once, and observed once
    seen.add(key);
    const classification = classify(outcome.record, settings);
    stage.observe(toFraudEvent(key, outcome.record, classification, rate(outcome.record, classification, TENANT)));
  }
  return { lines, alerts: stage.finish(() => null).alerts };
}

/** Precision and recall per detector on the injected month, false alerts per 10,000 lines on the same month clean. */
export function measureFraudDetection(month: GeneratorOptions = FRAUD_EVAL_MONTH, injection = FRAUD_EVAL_INJECTION): FraudDetectionFigures {
  const injected = { ...month, fraud: injection };
  const labels: FraudLabel[] = injectedFraudFor(injected).labels;
  const dirty = detectOnGeneratedMonth(injected, injection.tariffError);
  const clean = detectOnGeneratedMonth(month);
  const byDetector: Record<string, number> = {};
  for (const a of clean.alerts) byDetector[a.detector] = (byDetector[a.detector] ?? 0) + 1;
  return {
    month: { rows: month.rows ?? 0, seed: Number(month.seed), subscribers: month.subscribers ?? 0, lines: dirty.lines, labels: labels.length },
    detectors: matchAlertsToLabels(dirty.alerts, labels),
    clean: { lines: clean.lines, alerts: clean.alerts.length, alertsPer10kLines: (clean.alerts.length * 10_000) / clean.lines, byDetector },
  };
}
