/**
 * Untrusted XML (POM files, MSBuild project files, CycloneDX BOMs) read into a small element
 * tree with the line of every start tag.
 *
 * Safety (DESIGN.md, "Untrusted input"): the text is checked for well-formedness first (the
 * validator reports the line of the first error); entities are never expanded: the parser
 * refuses a `<!DOCTYPE>` that declares external entities and leaves internal declarations
 * unused (no file or URL read, no entity bombs); only the five predefined XML entities and
 * character references are decoded, by {@link decodeEntities}; nesting is bounded by the
 * parser's `maxNestedTags`. A format that never needs a DTD (CycloneDX) asks for `refuseDtd`:
 * any external DTD or entity declaration is then refused at its line, before a parser sees it.
 *
 * Shared by the Maven and NuGet extractors and the CycloneDX XML reader (and any later XML format).
 *
 * Lines: fast-xml-parser 5 records the offset of each start tag when `captureMetaData` is on
 * (`XMLParser.getMetaDataSymbol()`, original offsets even for CRLF text), so no text scanning is
 * needed to place elements.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineLocator } from './json-tree.js';

export interface XmlElement {
  /** The tag name as written, or its local name with {@link XmlReadOptions.localNames}. */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The text directly inside the element, trimmed, entity references decoded. */
  readonly text: string;
  /** The 1-based line of the start tag. */
  readonly line: number;
}

export interface XmlReadOptions {
  /** The deepest element nesting accepted (the parser's `maxNestedTags`). */
  readonly maxDepth: number;
  /** Element and attribute names without their namespace prefix (`cdx:component` is `component`). */
  readonly localNames?: boolean;
  /** Refuse `<!DOCTYPE ... SYSTEM|PUBLIC` and any `<!ENTITY`, at the line of the declaration. */
  readonly refuseDtd?: boolean;
}

/**
 * Why a document could not be read: `refused` (a DTD or entity declaration, with `refuseDtd`),
 * `malformed` (the validator's first error, with its line), `unparsable` (the parser gave up, on
 * nesting or an external entity), `no-root` (no element at all).
 */
export type XmlReadFailure = 'refused' | 'malformed' | 'unparsable' | 'no-root';

export type XmlReadResult = { readonly root: XmlElement } | { readonly error: string; readonly line?: number; readonly failure: XmlReadFailure };

/** What fast-xml-parser returns with `preserveOrder`: one key (tag name or `#text`) per node, attributes under `:@`. */
type OrderedNode = Record<string, unknown>;

const textKey = '#text';
/** CDATA is kept apart so that its content is taken as written, entity references included. */
const cdataKey = '#cdata';
const attributesKey = ':@';
// The typings say `Symbol` (the wrapper type); the value is a primitive symbol.
const metadata = XMLParser.getMetaDataSymbol() as symbol;

/** `options` as a number is the deepest nesting accepted, with every other option off. */
export function readXml(text: string, options: number | XmlReadOptions): XmlReadResult {
  const { maxDepth, localNames = false, refuseDtd = false } = typeof options === 'number' ? { maxDepth: options } : options;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineAt = lineLocator(source);
  if (refuseDtd) {
    const declaration = /<!DOCTYPE\b[^>[]*\b(?:SYSTEM|PUBLIC)\b|<!ENTITY\b/i.exec(source);
    if (declaration !== null) return { error: 'declares a DTD or entities, which are refused (external entities)', line: lineAt(declaration.index), failure: 'refused' };
  }
  // XMLValidator is deprecated in favour of the separate fast-xml-validator package, which is not
  // a dependency; the parser alone accepts malformed text (`<${x}>` tags, plain prose), so the
  // validator shipped with fast-xml-parser 5 still does this job.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const validation = XMLValidator.validate(source);
  if (validation !== true) return { error: brief(validation.err.msg), line: validation.err.line, failure: 'malformed' };
  let nodes: unknown;
  try {
    nodes = new XMLParser({
      preserveOrder: true,
      captureMetaData: true,
      processEntities: false,
      htmlEntities: false,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      parseAttributeValue: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      trimValues: true,
      cdataPropName: cdataKey,
      maxNestedTags: maxDepth,
    }).parse(source);
  } catch (error) {
    return { error: brief(error instanceof Error ? error.message : String(error)), failure: 'unparsable' };
  }
  const root = Array.isArray(nodes) ? nodes.find((node): node is OrderedNode => elementName(node) !== undefined) : undefined;
  if (root === undefined) return { error: 'no root element', failure: 'no-root' };
  return { root: toElement(root, lineAt, localNames ? localName : (name) => name) };
}

/** The children of `element` named `name`, in document order. */
export function childElements(element: XmlElement | undefined, name: string): XmlElement[] {
  return element === undefined ? [] : element.children.filter((child) => child.name === name);
}

/** The first child named `name`. */
export function childElement(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((child) => child.name === name);
}

/** The text of the first child named `name`, when it has some. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const text = childElement(element, name)?.text;
  return text === undefined || text === '' ? undefined : text;
}

/** The five predefined XML entities and character references; any other `&name;` is left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
    switch (entity) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = entity.startsWith('#x') ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
    }
  });
}

function elementName(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  return Object.keys(node).find((key) => key !== attributesKey && key !== textKey && key !== cdataKey);
}

/** Depth is bounded by `maxNestedTags`, so the recursion is too. */
function toElement(node: OrderedNode, lineAt: (offset: number) => number, nameOf: (name: string) => string): XmlElement {
  const name = elementName(node) ?? '';
  const content = node[name];
  const children: XmlElement[] = [];
  const texts: string[] = [];
  for (const child of Array.isArray(content) ? (content as unknown[]) : []) {
    if (typeof child !== 'object' || child === null) continue;
    const record = child as OrderedNode;
    if (textKey in record) texts.push(decodeEntities(String(record[textKey])));
    else if (cdataKey in record) texts.push(cdataText(record[cdataKey]));
    else if (elementName(record) !== undefined) children.push(toElement(record, lineAt, nameOf));
  }
  const rawAttributes = node[attributesKey];
  // A null-prototype record: an attribute named `__proto__` stays an ordinary key.
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  if (typeof rawAttributes === 'object' && rawAttributes !== null) {
    for (const [key, value] of Object.entries(rawAttributes)) attributes[nameOf(key)] = decodeEntities(String(value));
  }
  const meta = (node as Record<symbol, { startIndex?: unknown } | undefined>)[metadata];
  const offset = typeof meta?.startIndex === 'number' ? meta.startIndex : 0;
  return { name: nameOf(name), attributes, children, text: texts.join('').trim(), line: lineAt(offset) };
}

/** The validator's message for unclosed tags lists every open tag: a hostile file would make it megabytes long. */
function brief(message: string): string {
  if (message.startsWith("Invalid '[")) return 'tags are never closed';
  const line = message.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function cdataText(content: unknown): string {
  if (!Array.isArray(content)) return '';
  return content.map((part: unknown) => (typeof part === 'object' && part !== null && textKey in part ? String((part as OrderedNode)[textKey]) : '')).join('');
}
