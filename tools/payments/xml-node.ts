import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BillingError } from '../errors.ts';

/** A namespace-blind XML element: children by local name (always lists), text under `#text`, attributes under `@name`. */
export type XmlNode = { [name: string]: XmlNode[] | string | undefined };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  alwaysCreateTextNode: true,
  trimValues: true,
  processEntities: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/** Parses XML into nodes, refusing text that is not well formed with the line and column where it breaks. */
export function parseXml(xml: string, what: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new BillingError('INVALID_INPUT', `${what}: not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  return parser.parse(xml) as XmlNode;
}

/** The child elements with a local name. */
export function kids(node: XmlNode | undefined, name: string): XmlNode[] {
  const v = node?.[name];
  return Array.isArray(v) ? v : [];
}

/** The first element down a path of local names, or undefined. */
export function at(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let n = node;
  for (const p of path) n = kids(n, p)[0];
  return n;
}

/** The text of the first element down a path (trimmed; null when absent or empty). */
export function textAt(node: XmlNode | undefined, ...path: string[]): string | null {
  const n = at(node, ...path);
  const t = n?.['#text'];
  return typeof t === 'string' && t.trim() !== '' ? t.trim() : null;
}

/** An attribute of an element. */
export function attr(node: XmlNode | undefined, name: string): string | null {
  const v = node?.[`@${name}`];
  return typeof v === 'string' ? v : null;
}
