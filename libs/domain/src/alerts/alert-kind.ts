/** Who an alert is for: duty forecasters and dispatch (flood), or station maintainers (equipment). */
export const ALERT_AUDIENCES = ['flood', 'equipment'] as const;
export type AlertAudience = (typeof ALERT_AUDIENCES)[number];

/** Conditions in the water: levels against warning levels, the venue's band, flash-flood rainfall, fast rises. */
export const FLOOD_ALERT_KINDS = ['water_level', 'venue_band', 'mountain_torrent', 'rate_of_rise'] as const;
/** Conditions of the network itself: silent stations, a dead channel, a draining battery, a stuck sensor, a drifting clock. */
export const EQUIPMENT_ALERT_KINDS = ['station_offline', 'channel_down', 'battery_low', 'stuck_sensor', 'clock_drift'] as const;

export type FloodAlertKind = (typeof FLOOD_ALERT_KINDS)[number];
export type EquipmentAlertKind = (typeof EQUIPMENT_ALERT_KINDS)[number];
export type AlertKind = FloodAlertKind | EquipmentAlertKind;

export const ALERT_KINDS: readonly AlertKind[] = [...FLOOD_ALERT_KINDS, ...EQUIPMENT_ALERT_KINDS];

/** Keyed by kind so that adding a kind without deciding its audience fails to compile. */
const AUDIENCE_OF_KIND: Readonly<Record<AlertKind, AlertAudience>> = {
  water_level: 'flood',
  venue_band: 'flood',
  mountain_torrent: 'flood',
  rate_of_rise: 'flood',
  station_offline: 'equipment',
  channel_down: 'equipment',
  battery_low: 'equipment',
  stuck_sensor: 'equipment',
  clock_drift: 'equipment',
};

export function audienceOf(kind: AlertKind): AlertAudience {
  return AUDIENCE_OF_KIND[kind];
}

export function isAlertKind(name: string): name is AlertKind {
  return Object.hasOwn(AUDIENCE_OF_KIND, name);
}
