import { BadRequestException } from '@nestjs/common';
import { durationParam } from './duration-param';

describe('durationParam', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(durationParam('every', text)).toBe(ms);
  });

  it('leaves an absent parameter absent', () => {
    expect(durationParam('every', undefined)).toBeUndefined();
  });

  it.each(['0m', '5', 'five minutes', '1w', '-1h'])('refuses %s, saying how to write a duration', (text) => {
    expect(() => durationParam('every', text)).toThrow(BadRequestException);
    expect(() => durationParam('every', text)).toThrow(`every must be a duration such as 5m, 1h or 1d, not "${text}"`);
  });
});
