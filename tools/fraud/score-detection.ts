import { USAGE_FRAUD_DETECTORS, type AlertSubjectKind, type UsageFraudDetector as FraudDetector } from './fraud.types.ts';

/** Injected fraud as the generator's labels file states it: the pattern, whom it is about, when. */
export interface FraudLabel {
  pattern: FraudDetector;
  subjectKind: AlertSubjectKind;
  subject: string;
  firstAt: number;
  lastAt: number;
}

/** How one detector did against the labels. */
export interface DetectionScore {
  detector: FraudDetector;
  labels: number;
  alerts: number;
  /** Alerts that name injected fraud (any pattern: a spike on an IRSF victim's line is a real anomaly). */
  correctAlerts: number;
  /** Labels of the detector's own pattern that one of its alerts names. */
  found: number;
  precision: number | null;
  recall: number | null;
}

type Named = { subjectKind: AlertSubjectKind; subject: string; firstAt: number; lastAt: number };

// An alert may start a little before the injected events (its window) or end after them.
const SLACK_MS = 3_600_000;

function names(alert: Named, label: FraudLabel): boolean {
  if (alert.subjectKind !== label.subjectKind) return false;
  const same = alert.subject === label.subject || (alert.subjectKind === 'calling_range' && (alert.subject.startsWith(label.subject) || label.subject.startsWith(alert.subject)));
  return same && alert.firstAt <= label.lastAt + SLACK_MS && alert.lastAt >= label.firstAt - SLACK_MS;
}

/**
 * Scores alerts against labels by subject and time only (never by event ids): precision is the
 * share of a detector's alerts that name injected fraud, recall the share of its pattern's
 * injected cases that one of its alerts names. Null where there is nothing to divide by.
 */
export function matchAlertsToLabels(alerts: readonly (Named & { detector: string })[], labels: readonly FraudLabel[]): DetectionScore[] {
  return USAGE_FRAUD_DETECTORS.map((detector) => {
    const mine = alerts.filter((a) => a.detector === detector);
    const own = labels.filter((l) => l.pattern === detector);
    const correctAlerts = mine.filter((a) => labels.some((l) => names(a, l))).length;
    const found = own.filter((l) => mine.some((a) => names(a, l))).length;
    return {
      detector,
      labels: own.length,
      alerts: mine.length,
      correctAlerts,
      found,
      precision: mine.length === 0 ? null : correctAlerts / mine.length,
      recall: own.length === 0 ? null : found / own.length,
    };
  });
}
