import { parseReplayCsv } from './parse-replay-csv';
import { ReplayFileError } from './replay-record';

describe('parseReplayCsv', () => {
  it('reads station, element, time and value, with cellular as the default channel', () => {
    const records = parseReplayCsv(
      'station,element,time,value,channel\n70500747,rainfall,2019-08-10T01:00:00+08:00,12.5,\n70500747,water_level,1565370000000,3.25,beidou\n',
      'lekima.csv',
    );
    expect(records).toEqual([
      { stationId: '70500747', element: 'rainfall', observedAt: Date.parse('2019-08-09T17:00:00Z'), value: 12.5, channel: 'cellular' },
      { stationId: '70500747', element: 'water_level', observedAt: 1565370000000, value: 3.25, channel: 'beidou' },
    ]);
  });

  it('accepts a header in any case and order, without a channel column', () => {
    const records = parseReplayCsv('Value,Time,Element,Station\n0.5,2019-08-10T01:05:00Z,rainfall,70500747\n', 'x.csv');
    expect(records).toHaveLength(1);
    expect(records[0]?.channel).toBe('cellular');
  });

  it('refuses a header that lacks a column, naming it', () => {
    expect(() => parseReplayCsv('station,time,value\n70500747,2019-08-10T01:05:00Z,1\n', 'x.csv')).toThrow(
      'x.csv: the header lacks element (need station,element,time,value)',
    );
  });

  it('names every bad row by line number and what is wrong, and reads none of the file', () => {
    const text = [
      'station,element,time,value',
      '70500747,rainfall,2019-08-10T01:00:00+08:00,1',
      '7050074,rainfall,2019-08-10T01:00:00+08:00,1',
      '70500747,salinity,2019-08-10T01:00:00+08:00,1',
      '70500747,rainfall,2019-08-10 01:00,1',
      '70500747,rainfall,2019-08-10T01:00:00+08:00,lots',
    ].join('\n');
    let error: unknown;
    try {
      parseReplayCsv(text, 'storm.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReplayFileError);
    const message = (error as Error).message;
    expect(message).toContain('Invalid replay file storm.csv: 4 problems');
    expect(message).toContain('line 3: station "7050074" is not an 8-digit station code');
    expect(message).toContain('line 4: element "salinity"');
    expect(message).toContain('line 5: time:');
    expect(message).toContain('line 6: value "lots" is not a number');
  });

  it('gives nothing for an empty file', () => {
    expect(parseReplayCsv('', 'empty.csv')).toEqual([]);
  });
});
