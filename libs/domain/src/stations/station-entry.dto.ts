// class-transformer's @Type reads design-time metadata through the Reflect API this polyfill provides.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayContains,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { CHANNELS, type Channel } from '../telemetry/channel';
import { ELEMENTS, type Element } from '../telemetry/element';
import { BASIN_CODES, type BasinCode } from './basins';
import { DISTRICT_CODES, WENZHOU_BOUNDS, type DistrictCode } from './districts';
import { STATION_KINDS, type StationKind } from './station';

/*
 * One station entry of config/stations.json as it must be written.
 * Messages are predicates ("must be …"): the parser prefixes the field path and appends the value found.
 * Within a field, decorators run bottom-up and the parser reports only the first failure,
 * so the most basic check (type) sits lowest.
 */

const FINITE = { allowNaN: false, allowInfinity: false } as const;
const FINITE_NUMBER = 'must be a finite number';

/** Timed reports must line up with the hour (the hourly report carries twelve 5-minute values). */
export function isReportingInterval(minutes: unknown): boolean {
  return (
    typeof minutes === 'number' &&
    Number.isInteger(minutes) &&
    minutes > 0 &&
    (60 % minutes === 0 || minutes % 60 === 0)
  );
}

function IsReportingInterval(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isReportingInterval',
      validator: {
        validate: (value: unknown) => isReportingInterval(value),
        defaultMessage: () =>
          'must be a whole number of minutes that divides 60 or is a multiple of 60 (e.g. 5, 15, 60, 120)',
      },
    },
    options,
  );
}

/** For `max`: the range must not be empty. Skipped while `min` is itself invalid (reported on its own). */
function IsGreaterThanMin(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isGreaterThanMin',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const min = (args?.object as Partial<ElementLimitsDto> | undefined)?.min;
          return !Number.isFinite(min) || (typeof value === 'number' && value > (min as number));
        },
        defaultMessage: (args?: ValidationArguments) =>
          `must be greater than min (${String((args?.object as Partial<ElementLimitsDto> | undefined)?.min)})`,
      },
    },
    options,
  );
}

/** Limits are required for every element the station measures and meaningless for any other. */
function limitsMismatch(limits: object, elements: unknown): string | undefined {
  if (!Array.isArray(elements) || elements.length === 0) {
    return undefined; // `elements` carries its own error
  }
  // Class fields exist on the DTO even when the file omits them, so "given" means "not undefined".
  const given = new Map(Object.entries(limits).filter(([, range]) => range !== undefined));
  const listed = new Set<unknown>(elements);
  const missing = ELEMENTS.filter((element) => listed.has(element) && given.get(element) == null);
  const extra = ELEMENTS.filter((element) => !listed.has(element) && given.has(element));
  const parts: string[] = [];
  if (missing.length > 0) {
    parts.push(`lack ${missing.join(', ')} (listed in elements)`);
  }
  if (extra.length > 0) {
    parts.push(`must not have ${extra.join(', ')} (not listed in elements)`);
  }
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

function MatchesElements(options?: ValidationOptions): PropertyDecorator {
  const elementsOf = (args?: ValidationArguments): unknown => (args?.object as Partial<StationEntryDto>).elements;
  return ValidateBy(
    {
      name: 'matchesElements',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          typeof value !== 'object' || value === null || limitsMismatch(value, elementsOf(args)) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          limitsMismatch(args?.value as object, elementsOf(args)) ?? 'must match elements',
      },
    },
    options,
  );
}

/** The physically possible range of one element at one station. */
export class ElementLimitsDto {
  @IsNumber(FINITE, { message: FINITE_NUMBER })
  min!: number;

  @IsGreaterThanMin()
  @IsNumber(FINITE, { message: FINITE_NUMBER })
  max!: number;
}

/** One optional entry per element; which ones must be present is checked against `elements`. */
export class StationLimitsDto {
  @ValidateNested()
  @IsObject({ message: 'must be an object {min, max}' })
  @IsOptional()
  @Type(() => ElementLimitsDto)
  water_level?: ElementLimitsDto;

  @ValidateNested()
  @IsObject({ message: 'must be an object {min, max}' })
  @IsOptional()
  @Type(() => ElementLimitsDto)
  rainfall?: ElementLimitsDto;

  @ValidateNested()
  @IsObject({ message: 'must be an object {min, max}' })
  @IsOptional()
  @Type(() => ElementLimitsDto)
  flow?: ElementLimitsDto;

  @ValidateNested()
  @IsObject({ message: 'must be an object {min, max}' })
  @IsOptional()
  @Type(() => ElementLimitsDto)
  battery_voltage?: ElementLimitsDto;
}

export class StationEntryDto {
  @Matches(/^\d{8}$/, { message: 'must be a string of exactly 8 digits (national station code)' })
  id!: string;

  // Upper case only, so that one RTU has one spelling and lookups by address are plain string matches.
  @Matches(/^[0-9A-F]{10}$/, { message: 'must be a string of exactly 10 hex digits, upper case (SL 651 address)' })
  rtuAddress!: string;

  @Matches(/\S/, { message: 'must be a non-empty string' })
  @IsString({ message: 'must be a non-empty string' })
  name!: string;

  @IsIn(STATION_KINDS, { message: `must be one of ${STATION_KINDS.join(', ')}` })
  kind!: StationKind;

  @IsIn(DISTRICT_CODES, { message: `must be one of ${DISTRICT_CODES.join(', ')}` })
  district!: DistrictCode;

  @IsIn(BASIN_CODES, { message: `must be one of ${BASIN_CODES.join(', ')}` })
  basin!: BasinCode;

  @Max(WENZHOU_BOUNDS.maxLatitude, { message: `must be at most ${WENZHOU_BOUNDS.maxLatitude} (north of Wenzhou)` })
  @Min(WENZHOU_BOUNDS.minLatitude, { message: `must be at least ${WENZHOU_BOUNDS.minLatitude} (south of Wenzhou)` })
  @IsNumber(FINITE, { message: 'must be a finite number of degrees north' })
  latitude!: number;

  @Max(WENZHOU_BOUNDS.maxLongitude, { message: `must be at most ${WENZHOU_BOUNDS.maxLongitude} (east of Wenzhou)` })
  @Min(WENZHOU_BOUNDS.minLongitude, { message: `must be at least ${WENZHOU_BOUNDS.minLongitude} (west of Wenzhou)` })
  @IsNumber(FINITE, { message: 'must be a finite number of degrees east' })
  longitude!: number;

  // A level without its datum cannot be compared with warning levels, so level gauges must name it.
  @IsNotEmpty({ message: 'must name the height datum (required when water_level is measured)' })
  @IsString({ message: 'must name the height datum (required when water_level is measured)' })
  @ValidateIf((entry: Partial<StationEntryDto>) => entry.datum !== undefined || hasWaterLevel(entry))
  datum?: string;

  @IsReportingInterval()
  reportingIntervalMinutes!: number;

  @ArrayContains(['cellular'], { message: 'must include cellular (every RTU reports over the cellular network)' })
  @ArrayUnique({ message: 'must not repeat a channel' })
  @IsIn(CHANNELS, { each: true, message: `must contain only ${CHANNELS.join(', ')}` })
  @ArrayNotEmpty({ message: 'must not be empty' })
  @IsArray({ message: 'must be an array of channels' })
  channels!: Channel[];

  @ArrayUnique({ message: 'must not repeat an element' })
  @IsIn(ELEMENTS, { each: true, message: `must contain only ${ELEMENTS.join(', ')}` })
  @ArrayNotEmpty({ message: 'must not be empty' })
  @IsArray({ message: 'must be an array of elements' })
  elements!: Element[];

  @MatchesElements()
  @ValidateNested()
  @IsObject({ message: 'must be an object keyed by element' })
  @Type(() => StationLimitsDto)
  limits!: StationLimitsDto;
}

function hasWaterLevel(entry: Partial<StationEntryDto>): boolean {
  return Array.isArray(entry.elements) && entry.elements.includes('water_level');
}
