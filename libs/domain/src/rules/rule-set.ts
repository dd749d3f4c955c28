import type { Severity } from '../alerts/severity';

/**
 * The flood rules the centre evaluates, as loaded from config/rules/ and validated at start-up.
 * Levels are metres above the station's datum; rainfall is millimetres; durations are milliseconds.
 */

/** One named level of a gauge, e.g. 警戒水位 (warning level) at 4.20 m, raising a yellow (III) alert. */
export interface LevelThreshold {
  /** Machine name: `warning`, `guaranteed`, `flood_limit`, `design_flood`, `historical_max`, `approach`… */
  readonly code: string;
  /** For people: 警戒水位, 保证水位, 汛限水位, 设计洪水位… */
  readonly name: string;
  readonly level: number;
  readonly severity: Severity;
}

/** River, plain-network, tide and reservoir gauges against their ordered levels. */
export interface WaterLevelRule {
  readonly id: string;
  readonly kind: 'water_level';
  readonly stationId: string;
  /** `rising`: breach at or above a level (floods); `falling`: at or below (a plain network drained too low). */
  readonly direction: 'rising' | 'falling';
  /** Ordered from least to most severe; each level's breach raises (or escalates to) its severity. */
  readonly thresholds: readonly LevelThreshold[];
  /** A level clears only once the water is this far back on the safe side of it (m). */
  readonly hysteresis: number;
  /** The breach must last this long, in observation time, before it counts (0: at once). */
  readonly minDurationMs: number;
  readonly clearingDelayMs: number;
  readonly renotifyAfterMs?: number;
  /** No reading for this long (receipt-independent, by the clock) marks an open alert stale. */
  readonly staleAfterMs: number;
}

/** A water level rising faster than `rise` metres over `windowMs`. */
export interface RateOfRiseRule {
  readonly id: string;
  readonly kind: 'rate_of_rise';
  readonly stationId: string;
  readonly windowMs: number;
  readonly rise: number;
  readonly severity: Severity;
  readonly clearingDelayMs: number;
  readonly renotifyAfterMs?: number;
  readonly staleAfterMs: number;
}

/** A period during which a venue's band applies (training or competition), half-open, epoch ms. */
export interface ScheduleWindow {
  readonly from: number;
  readonly to: number;
  /** e.g. "训练 Training" or "龙舟竞速 Dragon boat races". */
  readonly label: string;
}

/** The river network at a venue held inside [min, max] during scheduled windows (the 2023 dragon-boat venue). */
export interface VenueBandRule {
  readonly id: string;
  readonly kind: 'venue_band';
  readonly venueId: string;
  readonly name: string;
  /** Plain-network gauges around the venue; each must stay inside the band. */
  readonly stationIds: readonly string[];
  readonly min: number;
  readonly max: number;
  /** Within this distance of a limit (m) is "approaching": the earlier, lower-severity alert. */
  readonly margin: number;
  /** Also "approaching" when the current trend would leave the band within this time. */
  readonly horizonMs: number;
  /** The trend (m/h) is fitted over this much recent observation time. */
  readonly trendWindowMs: number;
  readonly severities: { readonly approaching: Severity; readonly outside: Severity };
  readonly schedule: readonly ScheduleWindow[];
  readonly minDurationMs: number;
  readonly clearingDelayMs: number;
  readonly renotifyAfterMs?: number;
  readonly staleAfterMs: number;
}

/** A person to call: town (乡镇) or village (村) responsible person. */
export interface Contact {
  readonly role: string;
  readonly name: string;
  readonly phone: string;
}

/** Critical rainfall (临界雨量) of one window for a warning area: 准备转移 and 立即转移, in mm. */
export interface RainfallThreshold {
  readonly windowHours: number;
  /** 准备转移 (prepare to evacuate). */
  readonly prepare: number;
  /** 立即转移 (evacuate now); above `prepare`. */
  readonly evacuate: number;
}

/** A village or small watershed with its rain gauges and critical rainfall: the unit of a 山洪 warning. */
export interface WarningArea {
  readonly id: string;
  /** The village(s) named in the warning. */
  readonly name: string;
  readonly villages: readonly string[];
  readonly town: string;
  readonly district: string;
  readonly basin: string;
  /** People living in the risk zone. */
  readonly population: number;
  readonly gaugeIds: readonly string[];
  /** `max`: the wettest gauge decides; `mean`: areal rainfall over the gauges. */
  readonly aggregation: 'max' | 'mean';
  readonly thresholds: readonly RainfallThreshold[];
  readonly contacts: { readonly town: readonly Contact[]; readonly village: readonly Contact[] };
}

export interface MountainTorrentRule {
  readonly id: string;
  readonly kind: 'mountain_torrent';
  readonly area: WarningArea;
  readonly severities: { readonly prepare: Severity; readonly evacuate: Severity };
  readonly clearingDelayMs: number;
  readonly renotifyAfterMs?: number;
  /** A gauge silent this long makes its windows incomplete (and an open alert stale when all are silent). */
  readonly staleAfterMs: number;
}

export type FloodRule = WaterLevelRule | RateOfRiseRule | VenueBandRule | MountainTorrentRule;

/** Everything loaded from config/rules/: what GET /api/rules shows. */
export interface RuleSet {
  readonly waterLevel: readonly WaterLevelRule[];
  readonly rateOfRise: readonly RateOfRiseRule[];
  readonly venues: readonly VenueBandRule[];
  readonly mountainTorrent: readonly MountainTorrentRule[];
}
