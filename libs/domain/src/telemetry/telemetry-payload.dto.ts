import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmptyObject,
  IsObject,
  IsOptional,
  IsString,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CHANNELS } from './channel';

/** A satellite catch-up batch holds at most a week of 5-minute reports; more is a hostile or broken sender. */
export const MAX_OBSERVATIONS_PER_MESSAGE = 2016;

/** One observation inside a batch. Values are checked per element after structural validation. */
export class ObservationDto {
  @IsDefined({ message: 'observedAt is missing' })
  observedAt!: unknown;

  @IsObject({ message: 'readings must be an object of element: value' })
  @IsNotEmptyObject({}, { message: 'readings is empty' })
  readings!: Record<string, unknown>;
}

/**
 * The message contract (docs/message-contract.md): either one observation
 * (`observedAt` + `readings`) or a batch (`observations`), never both.
 */
export class TelemetryPayloadDto {
  @IsOptional()
  @IsString({ message: 'stationId must be a string' })
  stationId?: string;

  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel!: string;

  @ValidateIf((o: TelemetryPayloadDto) => o.observations === undefined)
  @IsDefined({ message: 'observedAt is missing (or give observations)' })
  observedAt?: unknown;

  @ValidateIf((o: TelemetryPayloadDto) => o.observations === undefined)
  @IsObject({ message: 'readings must be an object of element: value (or give observations)' })
  @IsNotEmptyObject({}, { message: 'readings is empty' })
  readings?: Record<string, unknown>;

  @IsOptional()
  @IsArray({ message: 'observations must be an array' })
  @ArrayMinSize(1, { message: 'observations is empty' })
  @ArrayMaxSize(MAX_OBSERVATIONS_PER_MESSAGE, {
    message: `observations holds more than ${MAX_OBSERVATIONS_PER_MESSAGE} entries`,
  })
  @ValidateNested({ each: true })
  @Type(() => ObservationDto)
  observations?: ObservationDto[];
}
