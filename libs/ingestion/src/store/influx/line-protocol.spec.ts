import {
  LineProtocolError,
  bool,
  encodeLine,
  escapeKey,
  escapeMeasurement,
  float,
  formatField,
  formatFloat,
  formatInteger,
  formatString,
  integer,
  nsTimestamp,
  str,
} from './line-protocol';

describe('line protocol', () => {
  describe('timestamps', () => {
    const june2023 = Date.UTC(2023, 5, 15, 8, 30, 0, 123); // 1686817800123

    it('turns epoch ms into ns exactly, to the last digit', () => {
      expect(nsTimestamp(june2023)).toBe('1686817800123000000');
    });

    it('adds a sub-millisecond offset without the float rounding that ms * 1e6 + n suffers', () => {
      expect(String(june2023 * 1e6 + 123457)).not.toBe('1686817800123123457'); // why BigInt is needed
      expect(nsTimestamp(june2023, 123457)).toBe('1686817800123123457');
      expect(nsTimestamp(june2023, 999999)).toBe('1686817800123999999');
    });

    it('handles times before 1970', () => {
      expect(nsTimestamp(-1)).toBe('-1000000');
    });

    it('refuses fractional ms and out-of-range offsets', () => {
      expect(() => nsTimestamp(1.5)).toThrow(LineProtocolError);
      expect(() => nsTimestamp(0, 1_000_000)).toThrow(LineProtocolError);
      expect(() => nsTimestamp(0, -1)).toThrow(LineProtocolError);
    });
  });

  describe('floats', () => {
    it('keeps an integral float a float with a decimal point', () => {
      expect(formatFloat(3)).toBe('3.0');
      expect(formatFloat(0)).toBe('0.0');
      expect(formatFloat(-12)).toBe('-12.0');
    });

    it('writes other floats in their shortest round-trip form', () => {
      expect(formatFloat(3.5)).toBe('3.5');
      expect(formatFloat(0.1)).toBe('0.1');
      expect(formatFloat(1.5e-7)).toBe('1.5e-7');
      expect(formatFloat(1e21)).toBe('1e+21');
      expect(Number(formatFloat(2.675))).toBe(2.675);
    });

    it('refuses NaN and infinities, which line protocol cannot carry', () => {
      expect(() => formatFloat(Number.NaN)).toThrow(LineProtocolError);
      expect(() => formatFloat(Number.POSITIVE_INFINITY)).toThrow(LineProtocolError);
    });
  });

  it('suffixes integers with i and refuses unsafe ones', () => {
    expect(formatInteger(1686817800123)).toBe('1686817800123i');
    expect(formatInteger(-4)).toBe('-4i');
    expect(() => formatInteger(1.5)).toThrow(LineProtocolError);
    expect(() => formatInteger(2 ** 53)).toThrow(LineProtocolError);
  });

  it('writes booleans as true and false, the words InfluxDB reads back as a boolean field', () => {
    expect(formatField(bool(true))).toBe('true');
    expect(formatField(bool(false))).toBe('false');
  });

  describe('string field values', () => {
    it('escapes backslashes and double quotes', () => {
      expect(formatString('say "hi"')).toBe('"say \\"hi\\""');
      expect(formatString('C:\\data\\')).toBe('"C:\\\\data\\\\"');
      expect(formatString('\\"')).toBe('"\\\\\\""');
    });

    it('leaves newlines, commas, spaces and equals signs as they are', () => {
      expect(formatString('a,b c=d\nnext line')).toBe('"a,b c=d\nnext line"');
    });

    it('writes an empty string as ""', () => {
      expect(formatString('')).toBe('""');
    });
  });

  describe('names, keys and tag values', () => {
    it('escapes commas and spaces in measurements, but not equals signs', () => {
      expect(escapeMeasurement('my measurement,x=1')).toBe('my\\ measurement\\,x=1');
    });

    it('escapes commas, equals signs and spaces in keys and tag values', () => {
      expect(escapeKey('tag', 'Wen Zhou,a=b')).toBe('Wen\\ Zhou\\,a\\=b');
    });

    it('refuses what has no escape: backslashes, line breaks, empty text', () => {
      expect(() => escapeKey('tag', 'x\\')).toThrow(LineProtocolError);
      expect(() => escapeKey('tag', 'a\nb')).toThrow(LineProtocolError);
      expect(() => escapeKey('tag', '')).toThrow(LineProtocolError);
      expect(() => escapeMeasurement('m\\')).toThrow(LineProtocolError);
    });
  });

  describe('whole lines', () => {
    it('sorts tags by key and joins fields in order', () => {
      const line = encodeLine({
        measurement: 'reading',
        tags: { station: '70601234', element: 'water_level' },
        fields: { value: float(3), quality: str('good'), n: integer(2) },
        timeNs: '1686817800123000000',
      });
      expect(line).toBe('reading,element=water_level,station=70601234 value=3.0,quality="good",n=2i 1686817800123000000');
    });

    it('escapes every part', () => {
      const line = encodeLine({
        measurement: 'dead letter',
        tags: { 'the reason': 'a=b,c d' },
        fields: { 'the detail': str('"x"\n\\') },
        timeNs: '1',
      });
      expect(line).toBe('dead\\ letter,the\\ reason=a\\=b\\,c\\ d the\\ detail="\\"x\\"\n\\\\" 1');
    });

    it('refuses a point without fields or with a non-integer timestamp', () => {
      expect(() => encodeLine({ measurement: 'm', tags: {}, fields: {}, timeNs: '1' })).toThrow(LineProtocolError);
      expect(() => encodeLine({ measurement: 'm', tags: {}, fields: { v: float(1) }, timeNs: '1.5e18' })).toThrow(LineProtocolError);
    });
  });
});
