// class-transformer's @Type reads design-time metadata through the Reflect API this polyfill provides.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsNumber, IsObject, IsOptional, IsString, ValidateBy, ValidateNested } from 'class-validator';
import type { Severity } from '../../alerts/severity';
import { BEIJING_INSTANT_EXAMPLE, parseBeijingInstant } from './beijing-instant';
import { FINITE, IsConfigId, IsMetres, IsMinutes, IsSeverityName, IsText } from './config-fields';
import { LIFECYCLE_FIELDS, LifecycleDefaultsDto, LifecycleFieldsDto } from './lifecycle-fields.dto';

const TIME_RULE = `must be an ISO 8601 Beijing time with its offset, e.g. ${BEIJING_INSTANT_EXAMPLE}`;

function IsBeijingInstant(): PropertyDecorator {
  return ValidateBy({ name: 'isBeijingInstant', validator: { validate: (value: unknown) => parseBeijingInstant(value) !== undefined, defaultMessage: () => TIME_RULE } });
}

/** A training session or race day: [from, to) in Beijing time. */
export class ScheduleWindowDto {
  @IsBeijingInstant()
  from!: string;

  @IsBeijingInstant()
  to!: string;

  @IsText('a non-empty label, e.g. 训练 Training')
  label!: string;
}

export class VenueSeveritiesDto {
  @IsSeverityName()
  approaching!: Severity;

  @IsSeverityName()
  outside!: Severity;
}

/** One entry of venues.json. */
export class VenueEntryDto extends LifecycleFieldsDto {
  @IsConfigId()
  id!: string;

  @IsConfigId()
  venueId!: string;

  @IsText('a non-empty name, e.g. 温州龙舟运动中心')
  name!: string;

  @ArrayUnique({ message: 'must not list a gauge twice' })
  @IsString({ each: true, message: 'must be an array of station ids' })
  @ArrayNotEmpty({ message: 'must list at least one plain-network gauge' })
  @IsArray({ message: 'must be an array of station ids' })
  stationIds!: string[];

  @IsNumber(FINITE, { message: 'must be a finite number of metres on the gauges datum' })
  min!: number;

  @IsNumber(FINITE, { message: 'must be a finite number of metres on the gauges datum' })
  max!: number;

  @IsMetres(0, 1, 'how close to a limit counts as approaching')
  margin!: number;

  @IsMinutes(0)
  horizonMinutes!: number;

  @IsMinutes(1)
  trendWindowMinutes!: number;

  @ValidateNested()
  @IsObject({ message: 'must be an object {approaching, outside}' })
  @Type(() => VenueSeveritiesDto)
  severities!: VenueSeveritiesDto;

  @ValidateNested({ each: true })
  @ArrayNotEmpty({ message: 'must list at least one window (the band applies only inside them)' })
  @IsArray({ message: 'must be an array of {from, to, label} objects' })
  @Type(() => ScheduleWindowDto)
  schedule!: ScheduleWindowDto[];

  @IsMinutes(0)
  @IsOptional()
  minDurationMinutes?: number;
}

export class VenueDefaultsDto extends LifecycleDefaultsDto {
  @ValidateNested()
  @IsObject({ message: 'must be an object {approaching, outside}' })
  @IsOptional()
  @Type(() => VenueSeveritiesDto)
  severities?: VenueSeveritiesDto;

  @IsMinutes(0)
  @IsOptional()
  minDurationMinutes?: number;
}

export const VENUE_DEFAULTABLE = ['severities', 'minDurationMinutes', ...LIFECYCLE_FIELDS] as const;
