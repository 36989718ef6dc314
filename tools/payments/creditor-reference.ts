import { BillingError } from '../errors.ts';

/** Letters count as 10..35 and digits as themselves (ISO 7064 mod 97-10, as in IBANs). */
function mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const code = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of code) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest;
}

/** The body of a reference: letters and digits only, upper case (INV-000123 -> INV000123). */
function referenceBody(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The ISO 11649 structured creditor reference of an invoice number (INV-000123 -> RF..INV000123):
 * "RF", two check digits so the whole moved end to end is 1 mod 97, then the number's letters and digits.
 */
export function buildCreditorReference(invoiceNumber: string): string {
  const body = referenceBody(invoiceNumber);
  if (body.length === 0 || body.length > 21) throw new BillingError('INVALID_INPUT', `"${invoiceNumber}" cannot be a creditor reference (1 to 21 letters and digits)`);
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** True when a text is a well-formed ISO 11649 reference (spaces allowed, any case) whose check digits hold. */
export function isValidCreditorReference(text: string): boolean {
  const ref = text.toUpperCase().replace(/\s+/g, '');
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(ref)) return false;
  return mod97(`${ref.slice(4)}${ref.slice(0, 4)}`) === 1;
}

/** The reference without spaces in upper case, or null when it is not a valid RF reference. */
export function normalizeCreditorReference(text: string): string | null {
  const ref = text.toUpperCase().replace(/\s+/g, '');
  return isValidCreditorReference(ref) ? ref : null;
}

/** A reference printed in groups of four, as ISO 11649 recommends for paper (RF18 INV0 0012 3). */
export function formatCreditorReference(ref: string): string {
  return ref.replace(/(.{4})/g, '$1 ').trim();
}

/** The RF reference of an invoice number, or null when the number cannot be one (over 21 letters and digits). */
export function creditorReferenceOf(invoiceNumber: string): string | null {
  const body = referenceBody(invoiceNumber);
  return body.length >= 1 && body.length <= 21 ? buildCreditorReference(invoiceNumber) : null;
}
