import type { ComplianceCode, ComplianceFinding, ComplianceSeverity } from './compliance.types.ts';

/** A finding with one of the stable codes; optional parts are left out rather than set to undefined, so reports compare cleanly. */
export function finding(code: ComplianceCode, severity: ComplianceSeverity, message: string, where: { field?: string; lineId?: string; source?: string } = {}): ComplianceFinding {
  const out: ComplianceFinding = { code, severity, message };
  if (where.field !== undefined) out.field = where.field;
  if (where.lineId !== undefined) out.lineId = where.lineId;
  if (where.source !== undefined) out.source = where.source;
  return out;
}
