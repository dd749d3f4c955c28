import type { Severity } from '../../alerts/severity';
import type { Contact, RainfallThreshold } from '../rule-set';

/*
 * The four files of config/rules/ as they are written. Each is `{ "version": 1, "defaults"?: {…},
 * "rules": [...] }`; an entry's field replaces the default of the same name whole. Durations are
 * whole minutes (`…Minutes`), converted to milliseconds on loading; levels are metres on the station's
 * datum, rainfall millimetres, schedule times ISO 8601 in Beijing time (`+08:00`).
 */

/** The only layout this code understands; bump it when an entry's schema changes incompatibly. */
export const RULE_CONFIG_VERSION = 1;

/** Which file holds which kind of rule, in the order problems are listed. */
export const RULE_FILES = {
  waterLevel: 'water-levels.json',
  rateOfRise: 'rate-of-rise.json',
  venues: 'venues.json',
  mountainTorrent: 'warning-areas.json',
} as const;
export type RuleFileKey = keyof typeof RULE_FILES;
export const RULE_FILE_KEYS = Object.keys(RULE_FILES) as readonly RuleFileKey[];
export const RULE_FILE_NAMES: readonly string[] = RULE_FILE_KEYS.map((key) => RULE_FILES[key]);

/** Parsed JSON of each file (not yet validated); a key left out is a file that is not there. */
export type RuleFileContents = Readonly<Partial<Record<RuleFileKey, unknown>>>;

/** Lifecycle fields every kind has (see AlertPolicy and the evaluators' silence watch). */
export interface LifecycleFields {
  readonly clearingDelayMinutes: number;
  readonly renotifyAfterMinutes?: number;
  readonly staleAfterMinutes: number;
}

export interface RuleFile<Entry, Defaults> {
  readonly version: typeof RULE_CONFIG_VERSION;
  readonly defaults?: Defaults;
  readonly rules: readonly Entry[];
}

export interface LevelThresholdEntry {
  readonly code: string;
  readonly name: string;
  readonly level: number;
  readonly severity: Severity;
}

export interface WaterLevelEntry extends LifecycleFields {
  readonly id: string;
  readonly stationId: string;
  readonly direction?: 'rising' | 'falling';
  readonly thresholds: readonly LevelThresholdEntry[];
  readonly hysteresis: number;
  readonly minDurationMinutes?: number;
}
export type WaterLevelDefaults = Partial<Omit<WaterLevelEntry, 'id' | 'stationId' | 'thresholds'>>;
export type WaterLevelFile = RuleFile<Partial<WaterLevelEntry>, WaterLevelDefaults>;

export interface RateOfRiseEntry extends LifecycleFields {
  readonly id: string;
  readonly stationId: string;
  readonly windowMinutes: number;
  readonly rise: number;
  readonly severity: Severity;
}
export type RateOfRiseDefaults = Partial<Omit<RateOfRiseEntry, 'id' | 'stationId'>>;
export type RateOfRiseFile = RuleFile<Partial<RateOfRiseEntry>, RateOfRiseDefaults>;

export interface ScheduleWindowEntry {
  /** ISO 8601 with `+08:00`, e.g. `2023-10-04T08:00:00+08:00`; the window is [from, to). */
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export interface VenueEntry extends LifecycleFields {
  readonly id: string;
  readonly venueId: string;
  readonly name: string;
  readonly stationIds: readonly string[];
  readonly min: number;
  readonly max: number;
  readonly margin: number;
  readonly horizonMinutes: number;
  readonly trendWindowMinutes: number;
  readonly severities: { readonly approaching: Severity; readonly outside: Severity };
  readonly schedule: readonly ScheduleWindowEntry[];
  readonly minDurationMinutes?: number;
}
export type VenueDefaults = Partial<Pick<VenueEntry, 'severities' | 'minDurationMinutes' | keyof LifecycleFields>>;
export type VenueFile = RuleFile<Partial<VenueEntry>, VenueDefaults>;

export interface WarningAreaEntry {
  readonly id: string;
  readonly name: string;
  readonly villages: readonly string[];
  readonly town: string;
  readonly district: string;
  readonly basin: string;
  readonly population: number;
  readonly gaugeIds: readonly string[];
  readonly aggregation: 'max' | 'mean';
  readonly thresholds: readonly RainfallThreshold[];
  readonly contacts: { readonly town: readonly Contact[]; readonly village: readonly Contact[] };
}

export interface MountainTorrentEntry extends LifecycleFields {
  readonly id: string;
  readonly area: WarningAreaEntry;
  readonly severities: { readonly prepare: Severity; readonly evacuate: Severity };
}
export type MountainTorrentDefaults = Partial<Omit<MountainTorrentEntry, 'id' | 'area'>>;
export type MountainTorrentFile = RuleFile<Partial<MountainTorrentEntry>, MountainTorrentDefaults>;
