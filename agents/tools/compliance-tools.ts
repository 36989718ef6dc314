import { z } from 'zod';
import { checkInvoiceCompliance, explainInvoice } from '../../app/invoices/index.ts';
import { diffTaxPack, listTaxPacks, previewTaxPack, proposeTaxPackAdoption, taxPackIdSchema, taxPackVersionLabelSchema } from '../../app/tax/index.ts';
import { billingMonthSchema } from '../../tools/schemas/index.ts';
import type { AgentContext } from '../context.ts';
import type { AgentTool } from './define-agent-tool.ts';
import { operationTool } from './operation-tool.ts';
import { proposalTool } from './proposal-result.ts';
import { invoiceRef, reason } from './tool-args.types.ts';

const packId = taxPackIdSchema.describe('the tax pack id, as the analyst named it (e.g. eu-vat)');
const version = taxPackVersionLabelSchema.describe('the imported version label, as the analyst named it (e.g. 2025-08)');

/**
 * The compliance checker's tools: checks read; a tax pack version (imported by an admin, never from
 * chat) is compared, previewed and proposed for adoption, which an approver decides.
 */
export function complianceTools(ctx: AgentContext): AgentTool[] {
  return [
    operationTool(ctx, 'compliance', checkInvoiceCompliance, {
      name: 'check_invoice_compliance',
      kind: 'analysis',
      description:
        "Check an invoice against its jurisdiction's rule pack (tax rates and amounts, reverse charge and exemption notes, required fields, government charges kept apart, EN 16931 business rules); each finding with its code, severity and source.",
      schema: z.object({ invoice: invoiceRef }).strict(),
    }),
    operationTool(ctx, 'compliance', explainInvoice, {
      name: 'explain_invoice',
      kind: 'read',
      description: 'Explain an invoice line by line, with taxes and their sources (with totalsOnly, without the lines).',
      schema: z.object({ invoice: invoiceRef, totalsOnly: z.boolean().optional() }).strict(),
      toInput: ({ invoice, totalsOnly }) => ({ number: invoice, totalsOnly }),
    }),
    operationTool(ctx, 'compliance', listTaxPacks, {
      name: 'list_tax_packs',
      kind: 'read',
      description: 'The tax packs in force (with the version bills use) and every imported version with its effective date, status and sources.',
      schema: z.object({ packId: packId.optional() }).strict(),
    }),
    operationTool(ctx, 'compliance', diffTaxPack, {
      name: 'diff_tax_pack',
      kind: 'read',
      description: 'What an imported tax pack version changes, in words (rates, thresholds, fees, from which day, with their sources), against the version in force or another version.',
      schema: z.object({ packId, version, against: version.optional() }).strict(),
    }),
    operationTool(ctx, 'compliance', previewTaxPack, {
      name: 'preview_tax_pack',
      kind: 'analysis',
      description:
        'Impact preview of an imported tax pack version: the last billed period (or the one named) billed again in memory under the rules in force and under the version; the invoices that change and by how much, by jurisdiction and customer type, and those that would fail the compliance check. Stores nothing.',
      schema: z.object({ packId, version, period: billingMonthSchema.optional() }).strict(),
      toInput: (args) => ({ ...args, keep: 10 }),
    }),
    proposalTool(ctx, 'compliance', proposeTaxPackAdoption, {
      name: 'propose_tax_pack_adoption',
      description:
        'Propose adopting an imported tax pack version (from its effective date bills use it; issued invoices never change). It carries the diff and the preview, and waits for an approver who is not you; nothing changes now.',
      schema: z.object({ packId, version, reason }).strict(),
      toInput: (args) => args,
    }),
  ];
}
