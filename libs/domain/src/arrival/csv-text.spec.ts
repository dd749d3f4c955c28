import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { csvField, csvText } from './csv-text';

describe('csvField', () => {
  it.each([
    ['温溪站', '温溪站'],
    ['Rui\'an', 'Rui\'an'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['ends\r', '"ends\r"'],
    [' padded', '" padded"'],
    [98.5, '98.5'],
    [null, ''],
    [undefined, ''],
  ])('writes %j as %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('csvText', () => {
  it('ends every record with CRLF and reads back field for field', () => {
    const records = [
      ['名称 name', 'note'],
      ['瓯江, 楠溪江', '"quoted" 北斗'],
      ['line\r\nbreak', ''],
    ];
    const text = csvText(records);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('名称 name,note');
    expect(parse(text)).toEqual(records);
  });
});
