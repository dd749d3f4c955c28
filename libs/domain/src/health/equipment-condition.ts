/** Faults of the equipment (not of the water) that the alert lifecycle raises and clears. */
export const EQUIPMENT_CONDITION_KINDS = ['station_offline', 'channel_down', 'battery_low', 'stuck_sensor', 'clock_drift'] as const;
export type EquipmentConditionKind = (typeof EQUIPMENT_CONDITION_KINDS)[number];

/** The national four-colour scale, least to most severe. */
export type EquipmentSeverity = 'blue' | 'yellow' | 'orange' | 'red';

/** `breach`: the fault is present; `normal`: it is not (the condition clears). */
export type EquipmentOutcome = 'breach' | 'normal';

/** Parameters for messages and people, plain JSON; `reason` is always there. */
export type EquipmentDetails = Readonly<{ reason: string } & Record<string, string | number | boolean | null>>;

/**
 * One evaluation of one condition at one sweep. A condition that cannot be evaluated
 * (no data yet, station under maintenance) is left out of the sweep: no news is not `normal`.
 */
export interface EquipmentCondition {
  readonly kind: EquipmentConditionKind;
  /** The station id, or `${stationId}:${channel}` for channel_down. */
  readonly subjectId: string;
  readonly stationIds: readonly string[];
  readonly outcome: EquipmentOutcome;
  /** The severity the condition carries when breached (also given on `normal`, for matching). */
  readonly severity: EquipmentSeverity;
  /** Sweep time, epoch ms. */
  readonly observedAt: number;
  /** When the fault began, when known; undefined on `normal`. */
  readonly since: number | undefined;
  /** What is wrong, or that it is fine again, with the numbers behind it. */
  readonly details: EquipmentDetails;
}
