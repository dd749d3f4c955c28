// class-transformer's @Type reads design-time metadata through the Reflect API this polyfill provides.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { Severity } from '../../alerts/severity';
import { BASIN_CODES } from '../../stations/basins';
import { DISTRICT_CODES } from '../../stations/districts';
import { FINITE, IsConfigId, IsSeverityName, IsText } from './config-fields';
import { LIFECYCLE_FIELDS, LifecycleDefaultsDto, LifecycleFieldsDto } from './lifecycle-fields.dto';

/** The rolling windows the rainfall windows keep and plans tabulate critical rainfall for. */
export const CRITICAL_RAINFALL_WINDOWS_H = [1, 3, 6, 12, 24] as const;
/** Every area's table must have these; 12 h is optional. */
export const REQUIRED_RAINFALL_WINDOWS_H = [1, 3, 6, 24] as const;
const RAINFALL_RULE = 'must be millimetres above 0 and at most 1000';
const PHONE_RULE = 'must be a phone number of digits, spaces and dashes, optionally starting with +, e.g. +86 000 0000 0001';

export class ContactDto {
  @IsText('a non-empty role, e.g. 村级责任人')
  role!: string;

  @IsText('a non-empty name')
  name!: string;

  @Matches(/^\+?\d[\d -]{4,23}$/, { message: PHONE_RULE })
  @IsString({ message: PHONE_RULE })
  phone!: string;
}

export class ContactsDto {
  @ValidateNested({ each: true })
  @ArrayNotEmpty({ message: 'must name at least one town (乡镇) responsible person' })
  @IsArray({ message: 'must be an array of {role, name, phone} objects' })
  @Type(() => ContactDto)
  town!: ContactDto[];

  @ValidateNested({ each: true })
  @ArrayNotEmpty({ message: 'must name at least one village (村) responsible person' })
  @IsArray({ message: 'must be an array of {role, name, phone} objects' })
  @Type(() => ContactDto)
  village!: ContactDto[];
}

/** Critical rainfall (临界雨量) of one window. */
export class RainfallThresholdDto {
  @IsIn(CRITICAL_RAINFALL_WINDOWS_H, { message: `must be one of ${CRITICAL_RAINFALL_WINDOWS_H.join(', ')} (hours)` })
  windowHours!: number;

  @Max(1000, { message: RAINFALL_RULE })
  @Min(0.1, { message: RAINFALL_RULE })
  @IsNumber(FINITE, { message: RAINFALL_RULE })
  prepare!: number;

  @Max(1000, { message: RAINFALL_RULE })
  @Min(0.1, { message: RAINFALL_RULE })
  @IsNumber(FINITE, { message: RAINFALL_RULE })
  evacuate!: number;
}

export class WarningAreaDto {
  @IsConfigId()
  id!: string;

  @IsText('a non-empty name, e.g. 岩坦村')
  name!: string;

  @ArrayUnique({ message: 'must not list a village twice' })
  @Matches(/\S/, { each: true, message: 'must be an array of non-empty village names' })
  @IsString({ each: true, message: 'must be an array of non-empty village names' })
  @ArrayNotEmpty({ message: 'must name at least one village' })
  @IsArray({ message: 'must be an array of non-empty village names' })
  villages!: string[];

  @IsText('a non-empty town (乡镇) name')
  town!: string;

  @IsIn(DISTRICT_CODES, { message: `must be one of ${DISTRICT_CODES.join(', ')}` })
  district!: string;

  @IsIn(BASIN_CODES, { message: `must be one of ${BASIN_CODES.join(', ')}` })
  basin!: string;

  @Min(0, { message: 'must be a whole number of people, 0 or more' })
  @IsInt({ message: 'must be a whole number of people, 0 or more' })
  population!: number;

  @ArrayUnique({ message: 'must not list a gauge twice' })
  @IsString({ each: true, message: 'must be an array of station ids' })
  @ArrayNotEmpty({ message: 'must list at least one rain gauge' })
  @IsArray({ message: 'must be an array of station ids' })
  gaugeIds!: string[];

  @IsIn(['max', 'mean'], { message: 'must be max (the wettest gauge decides) or mean (areal rainfall)' })
  aggregation!: 'max' | 'mean';

  @ValidateNested({ each: true })
  @ArrayNotEmpty({ message: `must give critical rainfall for ${REQUIRED_RAINFALL_WINDOWS_H.join(', ')} h` })
  @IsArray({ message: 'must be an array of {windowHours, prepare, evacuate} objects' })
  @Type(() => RainfallThresholdDto)
  thresholds!: RainfallThresholdDto[];

  @ValidateNested()
  @IsObject({ message: 'must be an object {town: [...], village: [...]}' })
  @Type(() => ContactsDto)
  contacts!: ContactsDto;
}

export class TorrentSeveritiesDto {
  @IsSeverityName()
  prepare!: Severity;

  @IsSeverityName()
  evacuate!: Severity;
}

/** One entry of warning-areas.json: a 山洪 rule for one warning area. */
export class MountainTorrentEntryDto extends LifecycleFieldsDto {
  @IsConfigId()
  id!: string;

  @ValidateNested()
  @IsObject({ message: 'must be an object describing the warning area' })
  @Type(() => WarningAreaDto)
  area!: WarningAreaDto;

  @ValidateNested()
  @IsObject({ message: 'must be an object {prepare, evacuate}' })
  @Type(() => TorrentSeveritiesDto)
  severities!: TorrentSeveritiesDto;
}

export class MountainTorrentDefaultsDto extends LifecycleDefaultsDto {
  @ValidateNested()
  @IsObject({ message: 'must be an object {prepare, evacuate}' })
  @IsOptional()
  @Type(() => TorrentSeveritiesDto)
  severities?: TorrentSeveritiesDto;
}

export const MOUNTAIN_TORRENT_DEFAULTABLE = ['severities', ...LIFECYCLE_FIELDS] as const;
