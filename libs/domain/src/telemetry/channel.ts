/** The links an RTU reports over: the cellular network, and BeiDou short messages as backup. */
export const CHANNELS = ['cellular', 'beidou'] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}
