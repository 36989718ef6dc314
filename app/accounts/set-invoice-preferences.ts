import { z } from 'zod';
import { setAccountInvoicePreferences as savePreferences } from '../../db/index.ts';
import { INVOICE_DETAIL_LEVELS, INVOICE_LAYOUTS, invoicePreferencesSchema } from '../../tools/catalog/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { accountIdSchema, languageTagSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/**
 * Sets how an account's invoices are printed: layout (or auto), detail level, paper or e-mail,
 * large print, and the language of the next invoices. Only the fields given change; a customer
 * may set their own account's.
 */
export const setInvoicePreferences = defineOperation({
  name: 'accounts.set-invoice-preferences',
  summary: 'Set how an account’s invoices are printed',
  effect: 'write',
  roles: ['analyst', 'admin', 'customer'],
  input: z
    .object({
      accountId: accountIdSchema.describe('account id'),
      layout: z
        .enum(['auto', ...INVOICE_LAYOUTS])
        .optional()
        .describe('consumer, family, enterprise, or auto (by segment and line count)'),
      detail: z.enum(INVOICE_DETAIL_LEVELS).optional().describe('summary, per_line, or per_call (itemised call annex)'),
      delivery: z.enum(['email', 'paper']).optional(),
      largePrint: z.boolean().optional().describe('larger type and spacing'),
      language: languageTagSchema.optional().describe('language the next invoices are printed in'),
    })
    .strict(),
  output: z.object({ accountId: z.string(), language: z.string(), invoicePreferences: invoicePreferencesSchema }),
  handler: (ctx, { accountId, language, ...preferences }) => {
    // Another tenant's or customer's account is NOT_FOUND before anything about the input is said.
    ctx.scope.account(accountId);
    const given = Object.fromEntries(Object.entries(preferences).filter(([, v]) => v !== undefined));
    if (Object.keys(given).length === 0 && language === undefined) throw new BillingError('INVALID_INPUT', 'give at least one preference to change (layout, detail, delivery, largePrint, language)');
    const account = savePreferences(ctx.store, accountId, { preferences: given, ...(language ? { language } : {}) });
    return { accountId, language: account.language, invoicePreferences: account.invoicePreferences };
  },
});
