import type { AlertKind } from '../alert-kind';
import type { MessageLocale } from '../messages/message-locale';

type Words = Readonly<Record<MessageLocale, string>>;

/** Flash-flood instructions follow the village plans' two levels (准备转移, 立即转移). */
const TORRENT: Readonly<Record<'prepare' | 'evacuate', Words>> = {
  prepare: {
    'zh-CN': '准备转移：危险区人员做好转移准备，村（镇）责任人组织巡查，密切关注雨情水情。',
    en: 'Prepare to evacuate: people in the risk zone get ready to leave; the village and town officers patrol and watch the rain.',
  },
  evacuate: {
    'zh-CN': '立即转移：危险区人员立即按预案转移到安全地点，村（镇）责任人逐户落实。',
    en: 'Evacuate now: everyone in the risk zone moves to safety as the plan sets out; the village and town officers check every household.',
  },
};

const BY_KIND: Readonly<Record<AlertKind, Words>> = {
  water_level: { 'zh-CN': '加强巡堤查险，做好防汛抢险准备。', en: 'Patrol the embankments and stand by for flood fighting.' },
  rate_of_rise: { 'zh-CN': '水位快速上涨，密切关注并做好应对准备。', en: 'The water is rising fast: watch it closely and stand by.' },
  venue_band: { 'zh-CN': '调度人员按预案调节闸门，将水位控制在区间内。', en: 'Dispatch: operate the sluices to hold the level inside the band.' },
  mountain_torrent: TORRENT.prepare,
  station_offline: { 'zh-CN': '请运维人员检查测站供电、通信和天线。', en: 'Maintainers: check the station’s power, SIM and antenna.' },
  channel_down: { 'zh-CN': '请运维人员检查该信道的通信设备。', en: 'Maintainers: check the equipment of this channel.' },
  battery_low: { 'zh-CN': '请运维人员检查蓄电池和太阳能充电。', en: 'Maintainers: check the battery and its solar charging.' },
  stuck_sensor: { 'zh-CN': '请运维人员现场检查传感器。', en: 'Maintainers: check the sensor on site.' },
  clock_drift: { 'zh-CN': '请运维人员校准测站时钟。', en: 'Maintainers: set the station clock.' },
};

const LIFTED: Words = { 'zh-CN': '预警已解除，按预案恢复正常值守。', en: 'The warning is lifted: return to normal watch as the plan sets out.' };

/** 立即转移… / `Evacuate now…`: the CAP `<instruction>` for the alert as it stands. */
export function capInstruction(kind: AlertKind, torrentLevel: string | undefined, cancelled: boolean, locale: MessageLocale): string {
  if (cancelled) return LIFTED[locale];
  if (kind === 'mountain_torrent' && (torrentLevel === 'prepare' || torrentLevel === 'evacuate')) return TORRENT[torrentLevel][locale];
  return BY_KIND[kind][locale];
}
