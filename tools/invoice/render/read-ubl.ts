import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BillingError } from '../../errors.ts';

/**
 * A namespace-blind reader of UBL for the business-rule checker: elements by local name, every
 * element a list (so "exactly one" can be counted), every value a string (decimals stay exact).
 */

export type UblNode = { [name: string]: UblNode[] | string | undefined };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  alwaysCreateTextNode: true,
  trimValues: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/** Parses a UBL Invoice or CreditNote; anything else (or XML that is not well formed) is refused. */
export function readUbl(xml: string): { root: UblNode; credit: boolean } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new BillingError('INVALID_INPUT', `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const doc = parser.parse(xml) as UblNode;
  const invoice = children(doc, 'Invoice')[0];
  const creditNote = children(doc, 'CreditNote')[0];
  const root = invoice ?? creditNote;
  if (!root) throw new BillingError('INVALID_INPUT', 'not a UBL Invoice or CreditNote');
  return { root, credit: !invoice };
}

/** The child elements with a local name. */
export function children(node: UblNode | undefined, name: string): UblNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}

/** The elements at a slash-separated path of local names, e.g. "Party/PostalAddress/Country". */
export function at(node: UblNode | undefined, path: string): UblNode[] {
  let nodes = node ? [node] : [];
  for (const name of path.split('/')) nodes = nodes.flatMap((n) => children(n, name));
  return nodes;
}

/** An element's text, or undefined when it is absent or empty. */
export function textOf(node: UblNode | undefined): string | undefined {
  const value = node?.['#text'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The text of the first element at a path. */
export function textAt(node: UblNode | undefined, path: string): string | undefined {
  return textOf(at(node, path)[0]);
}

/** An attribute's value. */
export function attribute(node: UblNode | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}
