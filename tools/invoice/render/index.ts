export { renderInvoicePdf, type RenderInvoicePdfOptions } from './render-invoice-pdf.ts';
export { renderInvoiceUbl } from './render-invoice-ubl.ts';
export { checkEn16931, type En16931Finding } from './check-en16931.ts';
