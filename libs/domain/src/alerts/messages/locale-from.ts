import type { MessageLocale } from './message-locale';

interface LanguageRange {
  readonly tag: string;
  readonly q: number;
}

/**
 * The message language an HTTP `Accept-Language` header asks for: English when an English range
 * is preferred (highest q) over every Chinese one, Chinese otherwise, and when the header is absent
 * or unreadable. `*` counts as Chinese: it accepts the default. Ties go to the range listed first.
 */
export function localeFrom(header: string | undefined | null): MessageLocale {
  if (header === undefined || header === null) return 'zh-CN';
  let best: LanguageRange | undefined;
  for (const range of parseRanges(header)) {
    if (localeOfTag(range.tag) === undefined || range.q <= 0) continue;
    if (best === undefined || range.q > best.q) best = range;
  }
  return best === undefined ? 'zh-CN' : (localeOfTag(best.tag) ?? 'zh-CN');
}

function localeOfTag(tag: string): MessageLocale | undefined {
  const primary = tag.split('-')[0];
  if (primary === 'en') return 'en';
  if (primary === 'zh' || tag === '*') return 'zh-CN';
  return undefined;
}

function parseRanges(header: string): LanguageRange[] {
  const ranges: LanguageRange[] = [];
  for (const part of header.split(',')) {
    const [rawTag, ...params] = part.split(';');
    const tag = (rawTag ?? '').trim().toLowerCase();
    if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) continue;
    const q = weightOf(params);
    if (q !== undefined) ranges.push({ tag, q });
  }
  return ranges;
}

/** 1 without a weight; undefined for a malformed one, which makes the range unreadable rather than preferred. */
function weightOf(params: readonly string[]): number | undefined {
  let q = 1;
  for (const param of params) {
    if (!/^\s*q\s*=/i.test(param)) continue;
    const match = /^\s*q\s*=\s*([01](\.[0-9]{0,3})?)\s*$/i.exec(param);
    if (match === null) return undefined;
    q = Number(match[1]);
  }
  return q <= 1 ? q : undefined;
}
