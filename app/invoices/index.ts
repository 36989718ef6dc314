export { showInvoice } from './show-invoice.ts';
export { listInvoices, invoiceRowSchema } from './list-invoices.ts';
