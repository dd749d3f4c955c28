/**
 * A deliberately strict reader of the XML the CAP writer produces, for specs (there is no XML parser
 * among the dependencies). It accepts an XML declaration, elements, attributes, text and the
 * predefined and numeric character references, and refuses everything else a careless writer might
 * emit: unescaped `<` or `&`, mismatched or unclosed tags, duplicate attributes, several roots, text
 * after the root, mixed content, characters XML 1.0 forbids. Comments, CDATA and DOCTYPE are refused too.
 */
export interface ParsedElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly ParsedElement[];
  /** Decoded text content; '' for an element with children. */
  readonly text: string;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(:[A-Za-z_][A-Za-z0-9_.-]*)?/;
const DECLARATION = /^<\?xml version="1\.0" encoding="UTF-8"\?>/;

export function parseStrictXml(document: string): ParsedElement {
  for (const char of document) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) throw new XmlSyntaxError(`character U+${code.toString(16)} is not allowed in XML`);
  }
  // End-of-line handling, as every conforming reader does it: a literal CR never reaches the text.
  const reader = new Reader(document.replace(/\r\n?/g, '\n'));
  reader.skip(DECLARATION);
  reader.skipSpace();
  const root = reader.element();
  reader.skipSpace();
  if (!reader.atEnd()) throw new XmlSyntaxError(`content after the root element at ${reader.position}`);
  return root;
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

class Reader {
  position = 0;

  constructor(private readonly source: string) {}

  atEnd(): boolean {
    return this.position >= this.source.length;
  }

  skip(pattern: RegExp): boolean {
    const match = pattern.exec(this.source.slice(this.position));
    if (match === null) return false;
    this.position += match[0].length;
    return true;
  }

  skipSpace(): void {
    this.skip(/^[ \t\r\n]+/);
  }

  element(): ParsedElement {
    this.expect('<');
    const name = this.name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaced = this.skip(/^[ \t\r\n]+/);
      if (this.peek('/>')) {
        this.position += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (this.peek('>')) {
        this.position += 1;
        break;
      }
      if (!spaced) throw new XmlSyntaxError(`expected whitespace before an attribute at ${this.position}`);
      const attribute = this.name();
      this.skipSpace();
      this.expect('=');
      this.skipSpace();
      if (Object.hasOwn(attributes, attribute)) throw new XmlSyntaxError(`duplicate attribute ${attribute} on <${name}>`);
      attributes[attribute] = this.quoted();
    }
    const children: ParsedElement[] = [];
    let text = '';
    for (;;) {
      if (this.atEnd()) throw new XmlSyntaxError(`<${name}> is never closed`);
      if (this.peek('</')) {
        this.position += 2;
        const closing = this.name();
        if (closing !== name) throw new XmlSyntaxError(`</${closing}> closes <${name}>`);
        this.skipSpace();
        this.expect('>');
        break;
      }
      if (this.peek('<!') || this.peek('<?')) throw new XmlSyntaxError(`comments, CDATA and processing instructions are not expected (at ${this.position})`);
      if (this.peek('<')) children.push(this.element());
      else text += this.text();
    }
    if (children.length > 0 && text.trim() !== '') throw new XmlSyntaxError(`<${name}> mixes text and elements`);
    return { name, attributes, children, text: children.length > 0 ? '' : text };
  }

  private text(): string {
    let out = '';
    while (!this.atEnd() && !this.peek('<')) {
      if (this.peek(']]>')) throw new XmlSyntaxError(`"]]>" in text at ${this.position}`);
      out += this.peek('&') ? this.reference() : this.source[this.position++];
    }
    return out;
  }

  private quoted(): string {
    const quote = this.source[this.position];
    if (quote !== '"' && quote !== "'") throw new XmlSyntaxError(`attribute value must be quoted at ${this.position}`);
    this.position += 1;
    let out = '';
    for (;;) {
      if (this.atEnd()) throw new XmlSyntaxError('unterminated attribute value');
      const char = this.source[this.position]!;
      if (char === quote) break;
      if (char === '<') throw new XmlSyntaxError(`"<" in an attribute value at ${this.position}`);
      // Attribute-value normalisation, as every conforming reader does it.
      out += char === '&' ? this.reference() : /[\t\n\r]/.test(char) ? ' ' : char;
      if (char !== '&') this.position += 1;
    }
    this.position += 1;
    return out;
  }

  private reference(): string {
    const match = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/.exec(this.source.slice(this.position));
    if (match === null) throw new XmlSyntaxError(`bare "&" at ${this.position}`);
    this.position += match[0].length;
    const body = match[1]!;
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (!body.startsWith('#')) return named[body]!;
    const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!isXmlChar(code)) throw new XmlSyntaxError(`&${body}; refers to a character XML does not allow`);
    return String.fromCodePoint(code);
  }

  private name(): string {
    const match = NAME.exec(this.source.slice(this.position));
    if (match === null) throw new XmlSyntaxError(`expected a name at ${this.position}`);
    this.position += match[0].length;
    return match[0];
  }

  private peek(text: string): boolean {
    return this.source.startsWith(text, this.position);
  }

  private expect(text: string): void {
    if (!this.peek(text)) throw new XmlSyntaxError(`expected "${text}" at ${this.position}`);
    this.position += text.length;
  }
}

/** The names of an element's children, in order. */
export function childNames(element: ParsedElement): string[] {
  return element.children.map((child) => child.name);
}

/** The children of one name. */
export function childrenNamed(element: ParsedElement, name: string): ParsedElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The text of the only child of that name; throws when there is not exactly one. */
export function textOf(element: ParsedElement, name: string): string {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}>, expected one`);
  return found[0]!.text;
}
