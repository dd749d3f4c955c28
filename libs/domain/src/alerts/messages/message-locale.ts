/** The languages alert messages are worded in: Chinese for duty staff and the public, English for everyone else. */
export const MESSAGE_LOCALES = ['zh-CN', 'en'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

export function isMessageLocale(name: string): name is MessageLocale {
  return (MESSAGE_LOCALES as readonly string[]).includes(name);
}

/** Station id → its name in the registry (e.g. 岩坦站), when known. */
export type StationNames = (stationId: string) => string | undefined;
