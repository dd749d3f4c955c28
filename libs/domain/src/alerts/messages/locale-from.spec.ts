import { describe, expect, it } from '@jest/globals';
import { localeFrom } from './locale-from';
import type { MessageLocale } from './message-locale';

describe('localeFrom', () => {
  it.each<[string | undefined, MessageLocale]>([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['zh;q=0.5, en;q=0.6', 'en'],
    ['zh;q=0.6, en;q=0.5', 'zh-CN'],
    // A tie goes to the range listed first.
    ['en;q=0.5, zh;q=0.5', 'en'],
    ['zh;q=0.5, en;q=0.5', 'zh-CN'],
    // Languages we do not write count for nothing.
    ['fr-FR, en;q=0.1', 'en'],
    ['fr-FR, de', 'zh-CN'],
    // q=0 means "not acceptable".
    ['en;q=0, zh;q=0.1', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    ['*', 'zh-CN'],
    ['en, *;q=0.5', 'en'],
    ['zh-TW', 'zh-CN'],
    // Malformed weights make their range unreadable, not preferred.
    ['zh;q=0.9, en;q=high', 'zh-CN'],
    ['zh;q=0.9, en;q=1.5', 'zh-CN'],
    ['zh;q=0.9, en;q=1.000', 'en'],
    ['zh;q=0.9, en;q=1.001', 'zh-CN'],
    ['english', 'zh-CN'],
    [' en ; q = 0.8 ', 'en'],
  ])('reads %j as %s', (header, locale) => {
    expect(localeFrom(header)).toBe(locale);
  });
});
