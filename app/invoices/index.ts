export { showInvoice } from './show-invoice.ts';
export { listInvoices, invoiceRowSchema } from './list-invoices.ts';
export { renderInvoicePdf } from './render-invoice-pdf.ts';
export { renderInvoiceUbl } from './render-invoice-ubl.ts';
export { markInvoicePaid } from './mark-invoice-paid.ts';
export { markOverdueInvoices } from './mark-overdue-invoices.ts';
export { explainInvoice } from './explain-invoice.ts';
