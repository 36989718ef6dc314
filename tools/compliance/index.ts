export * from './compliance.types.ts';
export { checkInvoiceCompliance } from './check-invoice-compliance.ts';
