import { describe, expect, it } from '@jest/globals';
import { DAY_MS } from './durations';
import { parseHydrologicalDay, parseInstant, parseTimeRange } from './parse-time-input';
import { TimeInputError } from './time-input.error';

const MONTH = 31 * DAY_MS;
const utc = (text: string) => Date.parse(text);

function failure(run: () => unknown): TimeInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof TimeInputError) return error;
    throw error;
  }
  throw new Error('expected a TimeInputError');
}

describe('parseInstant', () => {
  it.each([
    ['2023-09-21T08:00:00+08:00', '2023-09-21T00:00:00Z'],
    ['2023-09-21T08:00+08:00', '2023-09-21T00:00:00Z'],
    ['2023-09-21T00:00:00.5Z', '2023-09-21T00:00:00.500Z'],
    ['2023-09-20T20:00:00-04:00', '2023-09-21T00:00:00Z'],
  ])('reads %s', (text, expected) => {
    expect(parseInstant(text, 'at')).toBe(utc(expected));
  });

  it.each(['2023-09-21T08:00:00', '2023-09-21 08:00+08:00', '2023-02-30T08:00:00+08:00', '2023-09-21T24:00:00Z', 'yesterday'])(
    'refuses %s, asking for an ISO time with an offset',
    (text) => {
      const error = failure(() => parseInstant(text, 'at'));
      expect(error).toMatchObject({ field: 'at', problem: 'malformed' });
      expect(error.message).toBe(`at: "${text}" is not an ISO 8601 time with a UTC offset; send e.g. 2023-09-21T08:00:00+08:00`);
    },
  );
});

describe('parseHydrologicalDay', () => {
  it('reads a date as the hydrological day starting 08:00 Beijing time', () => {
    expect(parseHydrologicalDay('2023-09-21', 'day')).toEqual({
      label: '2023-09-21',
      from: utc('2023-09-21T08:00:00+08:00'),
      to: utc('2023-09-22T08:00:00+08:00'),
    });
  });

  it.each(['2023-09-31', '20230921', '2023-9-1'])('refuses %s with the format to send', (text) => {
    const error = failure(() => parseHydrologicalDay(text, 'day'));
    expect(error).toMatchObject({ field: 'day', problem: 'malformed' });
    expect(error.message).toBe(`day: "${text}" is not a date; send YYYY-MM-DD, e.g. 2023-09-21`);
  });
});

describe('parseTimeRange', () => {
  it.each([
    ['two dates, the second inclusive', '2023-09-01', '2023-09-30', '2023-09-01T08:00:00+08:00', '2023-10-01T08:00:00+08:00'],
    ['the same date twice: one day', '2023-09-21', '2023-09-21', '2023-09-21T08:00:00+08:00', '2023-09-22T08:00:00+08:00'],
    ['two instants', '2023-09-21T10:00:00+08:00', '2023-09-21T11:00:00+08:00', '2023-09-21T10:00:00+08:00', '2023-09-21T11:00:00+08:00'],
    ['a date and an instant', '2023-09-21', '2023-09-21T12:00:00Z', '2023-09-21T08:00:00+08:00', '2023-09-21T20:00:00+08:00'],
  ])('reads %s', (_case, from, to, expectedFrom, expectedTo) => {
    expect(parseTimeRange({ from, to }, { maxLength: MONTH })).toEqual({ from: utc(expectedFrom), to: utc(expectedTo) });
  });

  it.each([
    [{ to: '2023-09-21' }, 'from', 'missing', 'from is required: send 2023-09-21 (a hydrological day) or 2023-09-21T08:00:00+08:00'],
    [{ from: '2023-09-21', to: ' ' }, 'to', 'missing', 'to is required: send 2023-09-21 (a hydrological day) or 2023-09-21T08:00:00+08:00'],
    [{ from: '2023-13-01', to: '2023-09-21' }, 'from', 'malformed', 'from: "2023-13-01" is not a date; send YYYY-MM-DD, e.g. 2023-09-21'],
    [
      { from: '2023-09-21T10:00:00+08:00', to: '2023-09-21T10:00:00+08:00' },
      'to',
      'empty-range',
      'to (2023-09-21 10:00 Beijing time) must be after from (2023-09-21 10:00); swap them or widen the range',
    ],
    [
      { from: '2023-09-22', to: '2023-09-21' },
      'to',
      'empty-range',
      'to (2023-09-22 08:00 Beijing time) must be after from (2023-09-22 08:00); swap them or widen the range',
    ],
    [
      { from: '2023-08-01', to: '2023-09-01' },
      'to',
      'range-too-long',
      'The range 2023-08-01 08:00 to 2023-09-02 08:00 is longer than 31 days; ask for a shorter range',
    ],
  ])('refuses %j naming %s (%s)', (input, field, problem, message) => {
    const error = failure(() => parseTimeRange(input, { maxLength: MONTH }));
    expect(error).toMatchObject({ field, problem, message });
  });

  it('accepts a range exactly at the maximum length', () => {
    expect(parseTimeRange({ from: '2023-08-01', to: '2023-08-31' }, { maxLength: MONTH })).toEqual({
      from: utc('2023-08-01T00:00:00Z'),
      to: utc('2023-09-01T00:00:00Z'),
    });
  });

  it('refuses a range one ms longer than the maximum', () => {
    expect(failure(() => parseTimeRange({ from: '2023-08-01', to: '2023-08-31' }, { maxLength: MONTH - 1 })).problem).toBe('range-too-long');
  });

  it('names the request fields it was given', () => {
    const error = failure(() => parseTimeRange({ from: 'x', to: '2023-09-21' }, { maxLength: MONTH, fields: { from: 'start', to: 'end' } }));
    expect(error.field).toBe('start');
  });
});
