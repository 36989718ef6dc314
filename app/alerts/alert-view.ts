import { z } from 'zod';
import type { StoredAlert } from '../../db/index.ts';
import { ALERT_SEVERITIES, ALERT_SOURCES, ALERT_STATUSES, ALERT_SUBJECT_KINDS, alertEvidenceSchema, FRAUD_DETECTORS } from '../../tools/fraud/index.ts';

/** An alert as every surface shows it. */
export const alertViewSchema = z.object({
  id: z.number().int(),
  detector: z.enum(FRAUD_DETECTORS),
  severity: z.enum(ALERT_SEVERITIES),
  status: z.enum(ALERT_STATUSES),
  subjectKind: z.enum(ALERT_SUBJECT_KINDS),
  subject: z.string(),
  firstAt: z.string(),
  lastAt: z.string(),
  summary: z.string(),
  source: z.enum(ALERT_SOURCES),
  batchId: z.number().int().nullable(),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  proposalId: z.number().int().nullable(),
});
export type AlertView = z.infer<typeof alertViewSchema>;

/** An alert with its evidence (show). */
export const alertDetailSchema = alertViewSchema.extend({ evidence: alertEvidenceSchema, canProposeBar: z.boolean() });

/** The list view of a stored alert (no evidence). */
export function alertView(a: StoredAlert): AlertView {
  return {
    id: a.id,
    detector: a.detector,
    severity: a.severity,
    status: a.status,
    subjectKind: a.subjectKind,
    subject: a.subject,
    firstAt: a.firstAt,
    lastAt: a.lastAt,
    summary: a.summary,
    source: a.source,
    batchId: a.batchId,
    createdAt: a.createdAt,
    decidedBy: a.decidedBy,
    decidedAt: a.decidedAt,
    decisionReason: a.decisionReason,
    proposalId: a.proposalId,
  };
}

/** Whether confirming the alert may propose barring its line: a critical alert about one of our lines. */
export function canProposeBar(a: Pick<StoredAlert, 'severity' | 'subjectKind'>): boolean {
  return a.severity === 'critical' && a.subjectKind === 'subscriber';
}

/** The detail view: the list view, the evidence, and whether a bar can be proposed. */
export function alertDetail(a: StoredAlert): z.infer<typeof alertDetailSchema> {
  return { ...alertView(a), evidence: a.evidence, canProposeBar: canProposeBar(a) };
}
