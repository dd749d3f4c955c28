import { describe, expect, it } from '@jest/globals';
import { parseBeijingInstant } from './beijing-instant';

describe('parseBeijingInstant', () => {
  it.each([
    { text: '2023-10-04T08:00:00+08:00', at: Date.UTC(2023, 9, 4, 0) },
    { text: '2023-10-04T08:00+08:00', at: Date.UTC(2023, 9, 4, 0) },
    { text: '2023-10-04T00:00:00+08:00', at: Date.UTC(2023, 9, 3, 16) },
  ])('reads $text', ({ text, at }) => {
    expect(parseBeijingInstant(text)).toBe(at);
  });

  it.each(['2023-10-04T00:00:00Z', '2023-10-04T08:00:00+0800', '2023-10-04T08:00:00', '2023-10-04', '2023-02-29T08:00:00+08:00', '2023-10-04T24:00:00+08:00', 1696377600000])(
    'refuses %p',
    (text) => {
      expect(parseBeijingInstant(text)).toBeUndefined();
    },
  );
});
