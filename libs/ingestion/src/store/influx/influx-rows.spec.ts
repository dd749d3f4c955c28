import { readingPoint, suspectPerBucket, toArrival, toArrivalCount, toDeadLetter, toReading, toSeriesPoint } from './influx-rows';

describe('rows into domain objects', () => {
  it('reads a good reading, whose empty qc means no note', () => {
    expect(toReading({ time: 1000, value: 3, quality: 'good', qc: '', station: 'S1', element: 'rainfall' })).toEqual({
      stationId: 'S1',
      element: 'rainfall',
      observedAt: 1000,
      value: 3,
      quality: 'good',
    });
  });

  it('reads a suspect reading with its note, and a reading written before qc existed', () => {
    expect(toReading({ time: 1, value: 9.5, quality: 'suspect', qc: 'over max', station: 'S1', element: 'flow' }).qualityNote).toBe('over max');
    expect(toReading({ time: 1, value: 1, quality: 'good', qc: null, station: 'S1', element: 'flow' })).not.toHaveProperty('qualityNote');
  });

  it.each<[string, unknown, boolean]>([
    ['a timed report', true, true],
    ['an added report', false, false],
    ['an arrival written before the flag existed', null, true],
  ])('reads the arrival of %s, on schedule: %s', (_title, flag, onSchedule) => {
    expect(toArrival({ time: 1000, received_at: 1500, on_schedule: flag, station: 'S1', channel: 'cellular' })).toEqual({
      stationId: 'S1',
      channel: 'cellular',
      observedAt: 1000,
      receivedAt: 1500,
      onSchedule,
    });
  });

  it('reads arrival counts per channel, and report counts as channel any', () => {
    expect(toArrivalCount({ time: 86_400_000, count: 287, station: 'S1', channel: 'beidou' })).toEqual({ stationId: 'S1', channel: 'beidou', time: 86_400_000, count: 287 });
    expect(toArrivalCount({ time: 0, count: 3, station: 'S2' })).toEqual({ stationId: 'S2', channel: 'any', time: 0, count: 3 });
  });

  it('reads dead letters', () => {
    expect(toDeadLetter({ time: 2000, received_at: 2000, topic: 't', payload: 'p', detail: 'd', serial: 7, reason: 'bad_topic' })).toEqual({
      receivedAt: 2000,
      topic: 't',
      payload: 'p',
      reason: 'bad_topic',
      detail: 'd',
      serial: 7,
    });
  });

  it('reads a bucket with the suspect count of the same time, 0 when there is none', () => {
    const suspectAt = suspectPerBucket([{ time: 300_000, count: 2 }]);
    const row = { mean: 1.5, min: 1, max: 2, sum: 4.5, count: 3 };
    expect(toSeriesPoint({ time: 300_000, ...row }, suspectAt)).toEqual({ time: 300_000, ...row, suspect: 2 });
    expect(toSeriesPoint({ time: 600_000, ...row }, suspectAt).suspect).toBe(0);
  });

  it('turns a raw reading into a point of count 1', () => {
    expect(readingPoint({ stationId: 'S1', element: 'flow', observedAt: 5, value: 2.5, quality: 'suspect', qualityNote: 'x' })).toEqual({
      time: 5,
      mean: 2.5,
      min: 2.5,
      max: 2.5,
      sum: 2.5,
      count: 1,
      suspect: 1,
    });
  });

  it('fails loudly on rows that do not fit the schema', () => {
    expect(() => toReading({ time: 1, value: '3', quality: 'good', qc: '', station: 'S1', element: 'flow' })).toThrow(/value "3"/);
    expect(() => toReading({ time: 1, value: 3, quality: 'ok', qc: '', station: 'S1', element: 'flow' })).toThrow(/quality/);
    expect(() => toArrival({ time: 1, received_at: 1, station: 'S1', channel: 'radio' })).toThrow(/channel/);
    expect(() => toArrival({ time: 1, received_at: 1, on_schedule: 'yes', station: 'S1', channel: 'beidou' })).toThrow(/on_schedule "yes"/);
    expect(() => toArrivalCount({ time: 1, count: 1, station: 'S1', channel: 'radio' })).toThrow(/channel/);
    expect(() => toDeadLetter({ time: 1, received_at: 1, topic: 't', payload: 'p', detail: 'd', serial: 1, reason: 'nope' })).toThrow(/reason/);
  });
});
