/** An element of a small XML document: text content or child elements, never both (CAP has no mixed content). */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly children?: readonly XmlElement[];
}

/** `<name>text</name>`. */
export function xmlText(name: string, text: string): XmlElement {
  return { name, text };
}

/**
 * Escapes text and attribute values: the five predefined entities (and CR), so the result is safe inside
 * either, and characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) dropped,
 * since no entity can carry them and a notifier must not fail on a stray control byte in a note.
 */
export function escapeXml(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) continue;
    out += ENTITIES[char] ?? char;
  }
  return out;
}

// A bare carriage return would be normalised away by the reader: keep it as a reference.
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** A UTF-8 XML document, two-space indented, one element per line; text is written as is (no reflowing). */
export function renderXml(root: XmlElement): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, lines);
  return `${lines.join('\n')}\n`;
}

function write(element: XmlElement, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(element.attributes ?? {})
    // A reader turns literal tabs and newlines in attribute values into spaces: keep them as references.
    .map(([name, value]) => ` ${name}="${escapeXml(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')}"`)
    .join('');
  const open = `${element.name}${attributes}`;
  const children = element.children ?? [];
  if (children.length > 0) {
    lines.push(`${indent}<${open}>`);
    for (const child of children) write(child, depth + 1, lines);
    lines.push(`${indent}</${element.name}>`);
  } else if (element.text !== undefined && element.text !== '') {
    lines.push(`${indent}<${open}>${escapeXml(element.text)}</${element.name}>`);
  } else {
    lines.push(`${indent}<${open}/>`);
  }
}
