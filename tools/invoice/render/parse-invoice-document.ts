import { z } from 'zod';
import { BillingError } from '../../errors.ts';
import { invoiceDocumentSchema, type InvoiceDocument } from '../invoice.types.ts';

/** Checks a document against the invoice contract before rendering, so a renderer never prints a malformed one. */
export function parseInvoiceDocument(doc: unknown): InvoiceDocument {
  const parsed = invoiceDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    throw new BillingError('INVALID_INPUT', `not a valid invoice document:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
