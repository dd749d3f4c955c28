import { IsOptional } from 'class-validator';
import { IsMinutes } from './config-fields';

/** What every rule says about its alerts' lifecycle; the entry DTOs extend it. */
export class LifecycleFieldsDto {
  /** Normal outcomes must span this long before the alert resolves (0: at the first normal). */
  @IsMinutes(0)
  clearingDelayMinutes!: number;

  /** Re-notify an alert nobody acknowledged this long after it was raised or escalated; absent: never. */
  @IsMinutes(1)
  @IsOptional()
  renotifyAfterMinutes?: number;

  /** No reading for this long marks an open alert stale. */
  @IsMinutes(1)
  staleAfterMinutes!: number;
}

/** The same fields, each optional, as `defaults` holds them. */
export class LifecycleDefaultsDto {
  @IsMinutes(0)
  @IsOptional()
  clearingDelayMinutes?: number;

  @IsMinutes(1)
  @IsOptional()
  renotifyAfterMinutes?: number;

  @IsMinutes(1)
  @IsOptional()
  staleAfterMinutes?: number;
}

export const LIFECYCLE_FIELDS = ['clearingDelayMinutes', 'renotifyAfterMinutes', 'staleAfterMinutes'] as const;
