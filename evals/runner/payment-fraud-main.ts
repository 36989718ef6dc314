import { paymentFraudLines } from './format-report.ts';
import { measurePaymentFraud } from './measure-payment-fraud.ts';

// `npm run eval:payment-fraud`: only the payment-fraud figures (npm run eval prints them too).
console.log(paymentFraudLines(measurePaymentFraud(), false).join('\n'));
