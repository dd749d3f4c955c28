import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReplayFile } from './replay-file';

describe('readReplayFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hydro-replay-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a .csv file as CSV and a line-protocol export otherwise, into the same reports', () => {
    const csv = join(dir, 'lekima.csv');
    writeFileSync(csv, 'station,element,time,value\n70500747,rainfall,2019-08-10T01:00:00+08:00,12.5\n70500747,water_level,2019-08-10T01:00:00+08:00,3.2\n');
    const lp = join(dir, 'lekima.lp');
    writeFileSync(lp, 'reading,station=70500747,element=rainfall value=12.5 1565370000000000000\nreading,station=70500747,element=water_level value=3.2 1565370000000000000\narrival,station=70500747,channel=cellular received_at=1i 1565370000000000000\n');
    const fromCsv = readReplayFile(csv);
    const fromLp = readReplayFile(lp);
    expect(fromCsv.reports).toEqual(fromLp.reports);
    expect(fromCsv.reports).toHaveLength(1);
    expect(JSON.parse(fromCsv.reports[0]!.payload)).toEqual({
      stationId: '70500747',
      observedAt: 1565370000000,
      channel: 'cellular',
      readings: { rainfall: 12.5, water_level: 3.2 },
    });
    expect(fromLp.skipped).toBe(1);
  });

  it('honours an explicit format over the extension', () => {
    const file = join(dir, 'storm.txt');
    writeFileSync(file, 'station,element,time,value\n70500747,rainfall,1565370000000,1\n');
    expect(readReplayFile(file, 'csv').reports).toHaveLength(1);
  });
});
