import { measurePaymentRisk, paymentRiskLines } from './measure-payment-risk.ts';

/** Prints the payment-risk section alone (npm run eval prints it after the tasks): npx tsx evals/runner/print-payment-risk.ts */
console.log(paymentRiskLines(measurePaymentRisk(), false).join('\n'));
