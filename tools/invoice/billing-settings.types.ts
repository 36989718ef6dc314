import { z } from 'zod';
import { sellerSchema } from './invoice.types.ts';

/** The operator's invoicing settings: who issues invoices, numbering series, tax residence. */
export const billingSettingsSchema = z
  .object({
    seller: sellerSchema.default({
      name: 'Switchboard Telecom Ltd',
      address: { lines: ['1 Exchange Street'], city: 'London', postcode: 'EC1A 1AA', region: null, country: 'GB' },
      vatId: 'GB123456789',
      companyId: '01234567',
      email: 'billing@switchboard.example',
      phone: null,
      iban: null,
    }),
    /** Series prefixes: each is numbered gaplessly on its own. */
    invoiceSeries: z
      .string()
      .regex(/^[A-Z0-9-]{1,12}$/)
      .default('INV'),
    creditNoteSeries: z
      .string()
      .regex(/^[A-Z0-9-]{1,12}$/)
      .default('CN'),
    debitNoteSeries: z
      .string()
      .regex(/^[A-Z0-9-]{1,12}$/)
      .default('DN'),
  })
  .strict();
export type BillingSettings = z.infer<typeof billingSettingsSchema>;
