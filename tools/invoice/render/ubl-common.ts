import type { create } from 'xmlbuilder2';

/** An XML element under construction (xmlbuilder2 does not export its type from the entry point). */
export type XmlElement = ReturnType<typeof create>;

export const UBL_NAMESPACES = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
} as const;

/** BT-24: the EN 16931 core, no CIUS. */
export const EN16931_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017';
/** BT-23: Peppol's billing process, the one most receivers route on. */
export const BILLING_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const ZERO_STRING = /^-?0+(\.0+)?$/;

/** The decimal string without its minus sign (a sign change for display, not arithmetic). */
export function unsigned(value: string): string {
  return value.startsWith('-') ? value.slice(1) : value;
}

/** The decimal string with its sign flipped; zero stays unsigned. */
export function flipSign(value: string): string {
  if (ZERO_STRING.test(value)) return unsigned(value);
  return value.startsWith('-') ? value.slice(1) : `-${value}`;
}

/** True for a negative, non-zero decimal string. */
export function isNegative(value: string): boolean {
  return value.startsWith('-') && !ZERO_STRING.test(value);
}

/** True for a zero decimal string ("0", "0.00", "-0"). */
export function isZero(value: string): boolean {
  return ZERO_STRING.test(value);
}
