import { describe, expect, it } from 'vitest';
import { invoiceDocumentSchema } from '../invoice.types.ts';
import { consumerInvoiceGbp } from '../render/fixtures.ts';

describe('invoiceDocumentSchema messages', () => {
  it('parses a document stored before messages existed, with none', () => {
    const { messages: _, ...old } = consumerInvoiceGbp();
    expect('messages' in old).toBe(false);
    expect(invoiceDocumentSchema.parse(JSON.parse(JSON.stringify(old))).messages).toEqual([]);
  });

  it('refuses a message of an unknown kind or without its figures', () => {
    const doc = consumerInvoiceGbp();
    const line = { subscriptionId: 'sub-1', msisdn: '447700900123', label: null };
    expect(invoiceDocumentSchema.safeParse({ ...doc, messages: [{ kind: 'advert', line, figures: {} }] }).success).toBe(false);
    expect(invoiceDocumentSchema.safeParse({ ...doc, messages: [{ kind: 'usage_change', line, service: 'data', figures: {} }] }).success).toBe(false);
  });
});
