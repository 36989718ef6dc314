import { z } from 'zod';
import { notesFor } from '../../db/index.ts';
import { settlementSchema } from '../../tools/audit/audit.types.ts';
import { explainSettlement } from '../../tools/audit/index.ts';
import { invoiceDocumentSchema } from '../../tools/invoice/invoice.types.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** An invoice, credit or debit note by number (or id for a held one), with where it stands today. */
export const showInvoice = defineOperation({
  name: 'invoices.show',
  summary: 'Show an invoice',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z.object({ number: invoiceNumberSchema.describe('invoice number (INV-000123) or the id of a held invoice') }).strict(),
  output: z.object({
    id: z.number().int(),
    document: invoiceDocumentSchema,
    /** Notes against it, paid or not, still open: null for a note (it settles with its invoice). */
    settlement: settlementSchema.nullable(),
  }),
  handler: (ctx, { number }) => {
    const inv = ctx.scope.invoice(number);
    const settlement =
      inv.kind === 'invoice'
        ? explainSettlement(
            inv.document,
            notesFor(ctx.store, inv.id).map((n) => n.document),
            ctx.clock.today(),
          )
        : null;
    return { id: inv.id, document: inv.document, settlement };
  },
});
