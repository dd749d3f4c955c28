import { describe, expect, it } from '@jest/globals';
import { parseStrictXml, XmlSyntaxError } from './strict-xml';

describe('parseStrictXml (the specs’ XML checker)', () => {
  it('reads elements, attributes and decoded text', () => {
    const root = parseStrictXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; 2"><b>&lt;&#39;&#x4e2d;&gt;</b><c/></a>\n');
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual({ x: '1 & 2' });
    expect(root.children.map((c) => [c.name, c.text])).toEqual([
      ['b', "<'中>"],
      ['c', ''],
    ]);
  });

  it.each([
    ['an unescaped ampersand', '<a>fish & chips</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['an unescaped less-than', '<a>1 < 2</a>'],
    ['a mismatched closing tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['two roots', '<a/><b/>'],
    ['text after the root', '<a/>tail'],
    ['mixed content', '<a>text<b/></a>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a less-than in an attribute', '<a x="<"/>'],
    ['a control character', '<a>\u0001</a>'],
    ['a reference to a control character', '<a>&#1;</a>'],
    ['a comment', '<a><!-- no --></a>'],
    ['CDATA', '<a><![CDATA[x]]></a>'],
    ['"]]>" in text', '<a>]]></a>'],
  ])('refuses %s', (_case, document) => {
    expect(() => parseStrictXml(document)).toThrow(XmlSyntaxError);
  });
});
