import { describe, expect, it } from '@jest/globals';
import { spokenDuration } from './spoken-duration';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('spokenDuration', () => {
  it.each([
    [30_000, '30秒', '30 s'],
    [MINUTE, '1分钟', '1 min'],
    [HOUR - 1, '59分钟', '59 min'],
    [HOUR, '1小时', '1 h'],
    [3 * HOUR + 20 * MINUTE, '3小时20分钟', '3 h 20 min'],
    [24 * HOUR, '1天', '1 d'],
    [50 * HOUR, '2天2小时', '2 d 2 h'],
    [-6 * MINUTE, '6分钟', '6 min'],
  ])('%d ms reads %s and %s', (ms, zh, en) => {
    expect(spokenDuration(ms, 'zh-CN')).toBe(zh);
    expect(spokenDuration(ms, 'en')).toBe(en);
  });
});
