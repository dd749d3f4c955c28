// class-transformer's @Type reads design-time metadata through the Reflect API this polyfill provides.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsIn, IsNumber, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import type { Severity } from '../../alerts/severity';
import { FINITE, IsConfigId, IsMetres, IsMinutes, IsSeverityName, IsText } from './config-fields';
import { LIFECYCLE_FIELDS, LifecycleDefaultsDto, LifecycleFieldsDto } from './lifecycle-fields.dto';

/** Machine names of levels: `warning`, `guaranteed`, `flood_limit`… (messages know the usual ones). */
const CODE_RULE = 'must be a lower-case code of letters, digits and "_", e.g. warning, guaranteed, flood_limit';
export const DIRECTIONS = ['rising', 'falling'] as const;
/** Larger than any sensible hysteresis: more would hold an alert long after the water fell back. */
export const MAX_HYSTERESIS_M = 1;

export class LevelThresholdDto {
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: CODE_RULE })
  @IsString({ message: CODE_RULE })
  code!: string;

  @IsText('a non-empty name, e.g. 警戒水位')
  name!: string;

  @IsNumber(FINITE, { message: 'must be a finite number of metres on the station datum' })
  level!: number;

  @IsSeverityName()
  severity!: Severity;
}

/** One entry of water-levels.json. */
export class WaterLevelEntryDto extends LifecycleFieldsDto {
  @IsConfigId()
  id!: string;

  @IsText('a station id from the registry')
  stationId!: string;

  @IsIn(DIRECTIONS, { message: 'must be rising or falling' })
  @IsOptional()
  direction?: (typeof DIRECTIONS)[number];

  @ValidateNested({ each: true })
  @ArrayNotEmpty({ message: 'must list at least one level' })
  @IsArray({ message: 'must be an array of {code, name, level, severity} objects' })
  @Type(() => LevelThresholdDto)
  thresholds!: LevelThresholdDto[];

  @IsMetres(0, MAX_HYSTERESIS_M, 'the distance back on the safe side before a level clears')
  hysteresis!: number;

  @IsMinutes(0)
  @IsOptional()
  minDurationMinutes?: number;
}

export class WaterLevelDefaultsDto extends LifecycleDefaultsDto {
  @IsIn(DIRECTIONS, { message: 'must be rising or falling' })
  @IsOptional()
  direction?: (typeof DIRECTIONS)[number];

  @IsMetres(0, MAX_HYSTERESIS_M, 'the distance back on the safe side before a level clears')
  @IsOptional()
  hysteresis?: number;

  @IsMinutes(0)
  @IsOptional()
  minDurationMinutes?: number;
}

export const WATER_LEVEL_DEFAULTABLE = ['direction', 'hysteresis', 'minDurationMinutes', ...LIFECYCLE_FIELDS] as const;
