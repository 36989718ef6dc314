import { PAYMENT_RISK_WEIGHTS, type PaymentRiskFeatures } from '../../tools/collections/index.ts';
import { areaUnderCurve, buildRiskSamples, sampleFeatures } from './measure-payment-risk.ts';

/**
 * Fits the payment-risk weights by logistic regression (batch gradient descent, a little L2) on
 * generated histories of the training seed 1501, and prints them beside the ones in
 * tools/collections (PAYMENT_RISK_WEIGHTS), which are these rounded. Run: npx tsx evals/runner/fit-payment-risk.ts
 */
const samples = buildRiskSamples({ seed: 1501, accounts: 2000 });
const features = sampleFeatures(samples);
const names = Object.keys(features[0]!) as (keyof PaymentRiskFeatures)[];
const x = features.map((f) => names.map((n) => f[n]));
const y = samples.map((s) => (s.bad ? 1 : 0));
const w = new Array(names.length).fill(0);
let b = 0;
for (let step = 0; step < 1500; step++) {
  const grad = new Array(names.length).fill(0);
  let gb = 0;
  x.forEach((row, i) => {
    const p = 1 / (1 + Math.exp(-(b + row.reduce((s, v, k) => s + v * w[k], 0))));
    const e = p - y[i]!;
    gb += e;
    row.forEach((v, k) => (grad[k] += e * v));
  });
  b -= (0.5 * gb) / x.length;
  // Projected onto w >= 0: more lateness, bounces or disputes never lower the risk (monotone, explainable).
  w.forEach((_, k) => (w[k] = Math.max(0, w[k] - 0.5 * (grad[k] / x.length + 0.001 * w[k]))));
}
const fitted = Object.fromEntries([['intercept', b], ...names.map((n, k) => [n, w[k]])]);
const auc = (weights: Record<string, number>) =>
  areaUnderCurve(
    x.map((row) => row.reduce((s, v, k) => s + v * weights[names[k]!]!, weights.intercept!)),
    samples.map((s) => s.bad),
  );
console.log(`training samples ${samples.length}, bad ${y.filter(Boolean).length}`);
for (const n of ['intercept', ...names])
  console.log(`${n.padEnd(16)} fitted ${fitted[n].toFixed(3).padStart(7)}  in tools ${String(PAYMENT_RISK_WEIGHTS[n as keyof typeof PAYMENT_RISK_WEIGHTS]).padStart(6)}`);
console.log(`training AUC: fitted ${auc(fitted).toFixed(4)}, in tools ${auc(PAYMENT_RISK_WEIGHTS).toFixed(4)}`);
