import type { Element } from '../telemetry/element';

export const QUALITY_FINDING_KINDS = ['stuck', 'spike', 'out_of_limits', 'battery_low', 'battery_falling', 'clock_drift'] as const;
export type QualityFindingKind = (typeof QUALITY_FINDING_KINDS)[number];

/** Something wrong with what a station sends, for maintainers. */
export interface QualityFinding {
  readonly kind: QualityFindingKind;
  /** The element concerned; absent for clock drift. */
  readonly element?: Element;
  /** When it began, epoch ms (observation time, or receipt time for clock drift). */
  readonly since: number;
  /** For a person. */
  readonly reason: string;
}
