export { listAudit, auditEntrySchema } from './list-audit.ts';
export { verifyAudit } from './verify-audit.ts';
export { auditInvoices, auditInvoicesOperation, invoiceAuditSchema, type InvoiceAudit } from './audit-invoices.ts';
