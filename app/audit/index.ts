export { listAudit, auditEntrySchema } from './list-audit.ts';
export { verifyAudit } from './verify-audit.ts';
