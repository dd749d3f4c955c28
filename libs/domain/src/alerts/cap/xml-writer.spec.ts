import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseStrictXml } from './__fixtures__/strict-xml';
import { escapeXml, renderXml } from './xml-writer';

describe('XML writing', () => {
  it.each([
    ['&<>"\'', '&amp;&lt;&gt;&quot;&apos;'],
    ['温州 & 瑞安 <闸>', '温州 &amp; 瑞安 &lt;闸&gt;'],
    ['a\u0000b\u0008c\u000bd', 'abcd'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['cr\r', 'cr&#13;'],
    ['\ud800lone', 'lone'],
    ['😀', '😀'],
  ])('escapes %j as %j', (text, escaped) => {
    expect(escapeXml(text)).toBe(escaped);
  });

  it('writes nested elements, attributes and empty elements that a strict reader accepts', () => {
    const xml = renderXml({ name: 'a', attributes: { xmlns: 'urn:x', q: '"&"' }, children: [{ name: 'b', text: 'x<y' }, { name: 'c' }] });
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a xmlns="urn:x" q="&quot;&amp;&quot;">\n  <b>x&lt;y</b>\n  <c/>\n</a>\n');
    const root = parseStrictXml(xml);
    expect(root.attributes['q']).toBe('"&"');
    expect(root.children[0]!.text).toBe('x<y');
  });

  it('round-trips any text through the reader, less the characters XML cannot carry', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...'&<>"\'\t\n\r\u0000\u0008\ud800\ufffe中'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }), (text) => {
        const root = parseStrictXml(renderXml({ name: 'a', attributes: { v: text }, children: [{ name: 't', text }] }));
        const carried = [...text].filter((char) => /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]$/u.test(char)).join('');
        expect(root.children[0]!.text).toBe(carried);
        expect(root.attributes['v']).toBe(carried);
      }),
    );
  });
});
