// JUnit output checked with a real XML parser (fast-xml-parser): validate strictly, then give the
// tests a small element tree (name, attributes, child elements) to assert on.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

type Node = Record<string, unknown>;

function toElement(node: Node): XmlElement {
  const name = Object.keys(node).find((k) => k !== ':@')!;
  const attrs = (node[':@'] ?? {}) as Record<string, string>;
  const children = ((node[name] as Node[]) ?? []).filter((c) => !('#text' in c)).map(toElement);
  return { name, attrs, children };
}

/** Throws on anything that is not well-formed XML 1.0; returns the root element. */
export function checkXml(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  // XML 1.0 forbids most C0 controls and U+FFFE/U+FFFF even as text; the validator does not check characters.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml)) {
    throw new Error('a character XML 1.0 forbids');
  }
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, ignoreDeclaration: true });
  const roots = (parser.parse(xml) as Node[]).filter((n) => !('#text' in n));
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return toElement(roots[0]);
}
