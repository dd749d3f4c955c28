import type { MessageLocale } from './message-locale';

/**
 * English names of the usual level codes (see LevelThreshold.code). The Chinese name comes from the
 * rule itself (details.thresholdName), which is how the bureau's plans write it; these are its fallback.
 */
const KNOWN_LEVELS: Readonly<Record<string, Readonly<Record<MessageLocale, string>>>> = {
  precaution: { 'zh-CN': '设防水位', en: 'precaution level' },
  approach: { 'zh-CN': '接近警戒水位', en: 'approach level (near the warning level)' },
  warning: { 'zh-CN': '警戒水位', en: 'warning level' },
  guaranteed: { 'zh-CN': '保证水位', en: 'guaranteed level' },
  flood_limit: { 'zh-CN': '汛限水位', en: 'flood-limit level' },
  design_flood: { 'zh-CN': '设计洪水位', en: 'design flood level' },
  check_flood: { 'zh-CN': '校核洪水位', en: 'check flood level' },
  historical_max: { 'zh-CN': '历史最高水位', en: 'historical maximum' },
  tide_blue: { 'zh-CN': '蓝色警戒潮位', en: 'blue warning tide level' },
  tide_yellow: { 'zh-CN': '黄色警戒潮位', en: 'yellow warning tide level' },
  tide_orange: { 'zh-CN': '橙色警戒潮位', en: 'orange warning tide level' },
  tide_red: { 'zh-CN': '红色警戒潮位', en: 'red warning tide level' },
};

/** 警戒水位 / `warning level`; an unknown code reads as itself (`minimum_navigation level`). */
export function thresholdWord(code: string | undefined, name: string | undefined, locale: MessageLocale): string | undefined {
  const known = code !== undefined && Object.hasOwn(KNOWN_LEVELS, code) ? KNOWN_LEVELS[code] : undefined;
  if (locale === 'zh-CN') return name ?? known?.['zh-CN'] ?? code;
  if (known !== undefined) return known.en;
  return code === undefined ? undefined : `${code.replace(/_/g, ' ')} level`;
}
