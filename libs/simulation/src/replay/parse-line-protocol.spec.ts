import { parseLineProtocol } from './parse-line-protocol';

describe('parseLineProtocol', () => {
  it('reads reading points in ns and skips other measurements', () => {
    const text = [
      '# exported',
      'reading,station=70500747,element=rainfall value=12.5,quality="good",qc="" 1565370000000000000',
      'arrival,station=70500747,channel=cellular received_at=1565370001000i 1565370000000000000',
      'reading,element=water_level,station=70500747 value=3i 1565370300000000000',
    ].join('\n');
    const { records, skipped } = parseLineProtocol(text, 'export.lp');
    expect(skipped).toBe(1);
    expect(records).toEqual([
      { stationId: '70500747', element: 'rainfall', observedAt: 1565370000000, value: 12.5, channel: 'cellular' },
      { stationId: '70500747', element: 'water_level', observedAt: 1565370300000, value: 3, channel: 'cellular' },
    ]);
  });

  it('honours the timestamp precision', () => {
    const { records } = parseLineProtocol('reading,station=70500747,element=rainfall value=1 1565370000', 'x.lp', 's');
    expect(records[0]?.observedAt).toBe(1565370000000);
  });

  it('keeps a quoted string field with spaces and commas from breaking the line', () => {
    const { records } = parseLineProtocol('reading,station=70500747,element=rainfall value=1,qc="above limit, 60 mm" 1565370000000000000', 'x.lp');
    expect(records[0]?.value).toBe(1);
  });

  it('names a malformed reading line', () => {
    expect(() => parseLineProtocol('reading,station=70500747,element=rainfall level=1 1565370000000000000', 'x.lp')).toThrow(
      'line 1: field value is missing or not a number',
    );
    expect(() => parseLineProtocol('reading,station=70500747,element=snow value=1 1565370000000000000', 'x.lp')).toThrow(
      'line 1: tag element "snow" is not a known element',
    );
  });
});
