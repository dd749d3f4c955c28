import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import type { Severity } from '../../alerts/severity';
import { FINITE, IsConfigId, IsMinutes, IsSeverityName, IsText } from './config-fields';
import { LIFECYCLE_FIELDS, LifecycleDefaultsDto, LifecycleFieldsDto } from './lifecycle-fields.dto';

/** A rise judged over more than a day is a level, not a rate: the level rules cover it. */
export const LONGEST_RISE_WINDOW_MINUTES = 24 * 60;
const RISE_RULE = 'must be a rise in metres above 0 and at most 10';

/** One entry of rate-of-rise.json. */
export class RateOfRiseEntryDto extends LifecycleFieldsDto {
  @IsConfigId()
  id!: string;

  @IsText('a station id from the registry')
  stationId!: string;

  @Max(LONGEST_RISE_WINDOW_MINUTES, { message: `must be at most ${LONGEST_RISE_WINDOW_MINUTES} minutes (a day)` })
  @IsMinutes(1)
  windowMinutes!: number;

  @Max(10, { message: RISE_RULE })
  @Min(0.001, { message: RISE_RULE })
  @IsNumber(FINITE, { message: RISE_RULE })
  rise!: number;

  @IsSeverityName()
  severity!: Severity;
}

export class RateOfRiseDefaultsDto extends LifecycleDefaultsDto {
  @Max(LONGEST_RISE_WINDOW_MINUTES, { message: `must be at most ${LONGEST_RISE_WINDOW_MINUTES} minutes (a day)` })
  @IsMinutes(1)
  @IsOptional()
  windowMinutes?: number;

  @Max(10, { message: RISE_RULE })
  @Min(0.001, { message: RISE_RULE })
  @IsNumber(FINITE, { message: RISE_RULE })
  @IsOptional()
  rise?: number;

  @IsSeverityName()
  @IsOptional()
  severity?: Severity;
}

export const RATE_OF_RISE_DEFAULTABLE = ['windowMinutes', 'rise', 'severity', ...LIFECYCLE_FIELDS] as const;
