import { PAYMENT_FRAUD_DETECTORS, type AlertSubjectKind, type PaymentFraudDetector } from '../fraud/fraud.types.ts';

/** Injected payment fraud as the generator states it: the pattern and whom it is about (an account or a payer's instrument). */
export interface PaymentFraudLabel {
  pattern: PaymentFraudDetector;
  subjectKind: AlertSubjectKind;
  subject: string;
  /** Other subjects the same injected case touches (the accounts a shared IBAN paid): an alert about one is correct, but not a find of this pattern. */
  related?: { subjectKind: AlertSubjectKind; subject: string }[];
}

/** How one payment detector did against the labels. */
export interface PaymentDetectionScore {
  detector: PaymentFraudDetector;
  labels: number;
  alerts: number;
  correctAlerts: number;
  found: number;
  precision: number | null;
  recall: number | null;
}

type Named = { detector: string; subjectKind: AlertSubjectKind; subject: string };

const names = (a: Named, l: Pick<PaymentFraudLabel, 'subjectKind' | 'subject'>) => a.subjectKind === l.subjectKind && a.subject === l.subject;
const touches = (a: Named, l: PaymentFraudLabel) => names(a, l) || (l.related ?? []).some((r) => names(a, r));

/**
 * Scores alerts against labels by subject only (never by payment ids): precision is the share of
 * a detector's alerts that name injected fraud (of any pattern), recall the share of its own
 * pattern's cases that one of its alerts names.
 */
export function matchPaymentAlertsToLabels(alerts: readonly Named[], labels: readonly PaymentFraudLabel[]): PaymentDetectionScore[] {
  return PAYMENT_FRAUD_DETECTORS.map((detector) => {
    const mine = alerts.filter((a) => a.detector === detector);
    const own = labels.filter((l) => l.pattern === detector);
    const correctAlerts = mine.filter((a) => labels.some((l) => touches(a, l))).length;
    const found = own.filter((l) => mine.some((a) => names(a, l))).length;
    return { detector, labels: own.length, alerts: mine.length, correctAlerts, found, precision: mine.length ? correctAlerts / mine.length : null, recall: own.length ? found / own.length : null };
  });
}
