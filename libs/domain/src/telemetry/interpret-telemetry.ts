import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Station } from '../stations/station';
import type { Channel } from './channel';
import type { DeadLetter, DeadLetterReason } from './dead-letter';
import { isElement } from './element';
import { parseObservedAt } from './observed-at';
import { checkHardLimits } from './quality-check';
import { type Arrival, type Reading, isOnSchedule } from './reading';
import { TelemetryPayloadDto } from './telemetry-payload.dto';
import { stationIdFromTopic } from './telemetry-topic';
import { validationProblems } from './validation-problems';

export interface StationLookup {
  get(id: string): Station | undefined;
}

/** A message as it came off the broker. */
export interface TelemetryMessage {
  readonly topic: string;
  readonly payload: Buffer;
  /** Receipt time at the centre, epoch ms. */
  readonly receivedAt: number;
}

export interface InterpretOptions {
  /** How far past receipt an observation time may lie before it is refused (RTU clock ahead). */
  readonly maxFutureMs: number;
  /** Larger payloads are refused unread. */
  readonly maxPayloadBytes: number;
}

export const DEFAULT_INTERPRET_OPTIONS: InterpretOptions = { maxFutureMs: 10 * 60_000, maxPayloadBytes: 256 * 1024 };

/** Everything one message yields: what to store, which channel brought what, and what to keep aside. */
export interface TelemetryOutcome {
  readonly readings: Reading[];
  readonly arrivals: Arrival[];
  readonly deadLetters: DeadLetter[];
}

/** Dead-lettered payloads are kept up to this size so that one hostile message cannot bloat the store. */
const MAX_KEPT_PAYLOAD_CHARS = 64 * 1024;

/**
 * More dead letters than this from one message are kept as one, listing the first problems:
 * each carries the raw payload, and a batch of 2,016 bad observations would otherwise
 * multiply a 256 KiB payload into hundreds of megabytes.
 */
export const MAX_DEAD_LETTERS_PER_MESSAGE = 10;

/**
 * Turns one MQTT message into readings, per-channel arrivals and dead letters. Pure: the
 * same message and registry always give the same outcome. A problem with one reading
 * dead-letters that reading only; a problem with the message as a whole dead-letters it all.
 */
export function interpretTelemetry(
  message: TelemetryMessage,
  stations: StationLookup,
  options: InterpretOptions = DEFAULT_INTERPRET_OPTIONS,
): TelemetryOutcome {
  const outcome: TelemetryOutcome = { readings: [], arrivals: [], deadLetters: [] };
  const text = message.payload.toString('utf8');
  const reject = (reason: DeadLetterReason, detail: string): TelemetryOutcome => {
    outcome.deadLetters.push(deadLetter(message, text, reason, detail));
    return outcome;
  };

  const stationId = stationIdFromTopic(message.topic);
  if (stationId === undefined) return reject('bad_topic', `topic "${message.topic}" is not hydro/v1/telemetry/{stationId}`);
  const station = stations.get(stationId);
  if (!station) return reject('unknown_station', `station ${stationId} is not in the station registry`);
  if (message.payload.length > options.maxPayloadBytes) {
    return reject('invalid_payload', `payload is ${message.payload.length} bytes, more than the ${options.maxPayloadBytes} allowed`);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return reject('malformed_json', `payload is not JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return reject('invalid_payload', 'payload must be a JSON object');
  }

  const dto = plainToInstance(TelemetryPayloadDto, json);
  const problems = validationProblems(validateSync(dto));
  if (problems.length > 0) {
    const reason: DeadLetterReason = problems.every((p) => p.startsWith('channel')) ? 'unknown_channel' : 'invalid_payload';
    return reject(reason, problems.join('; '));
  }
  if (dto.observations !== undefined && (dto.observedAt !== undefined || dto.readings !== undefined)) {
    return reject('invalid_payload', 'give either observedAt and readings, or observations, not both');
  }
  if (dto.stationId !== undefined && dto.stationId !== stationId) {
    return reject('station_mismatch', `payload stationId "${dto.stationId}" differs from the topic's station ${stationId}`);
  }
  const channel = dto.channel as Channel;
  if (!station.channels.includes(channel)) {
    return reject('unknown_channel', `station ${stationId} has no ${channel} channel (it has ${station.channels.join(', ')})`);
  }

  const observations =
    dto.observations ?? [{ observedAt: dto.observedAt, readings: dto.readings as Record<string, unknown> }];
  observations.forEach((observation, index) => {
    const where = dto.observations ? `observations[${index}].` : '';
    const time = parseObservedAt(observation.observedAt);
    if (!time.ok) {
      outcome.deadLetters.push(deadLetter(message, text, 'bad_timestamp', `${where}observedAt: ${time.problem}`));
      return;
    }
    if (time.time - message.receivedAt > options.maxFutureMs) {
      const minutes = Math.round((time.time - message.receivedAt) / 60_000);
      outcome.deadLetters.push(
        deadLetter(message, text, 'future_timestamp', `${where}observedAt ${new Date(time.time).toISOString()} is ${minutes} min after receipt; the RTU clock is ahead`),
      );
      return;
    }
    outcome.arrivals.push({
      stationId,
      channel,
      observedAt: time.time,
      receivedAt: message.receivedAt,
      onSchedule: isOnSchedule(time.time, station.reportingIntervalMinutes),
    });
    for (const [name, value] of Object.entries(observation.readings)) {
      const path = `${where}readings.${name}`;
      if (!isElement(name)) {
        outcome.deadLetters.push(deadLetter(message, text, 'unknown_element', `${path}: "${name}" is not a known element`));
      } else if (!station.elements.includes(name)) {
        outcome.deadLetters.push(
          deadLetter(message, text, 'element_not_measured', `${path}: station ${stationId} does not measure ${name}`),
        );
      } else if (typeof value !== 'number' || !Number.isFinite(value)) {
        outcome.deadLetters.push(deadLetter(message, text, 'invalid_value', `${path}: ${JSON.stringify(value) ?? 'undefined'} is not a number`));
      } else {
        const verdict = checkHardLimits(station, name, value);
        outcome.readings.push({
          stationId,
          element: name,
          observedAt: time.time,
          value,
          quality: verdict.quality,
          ...(verdict.note === undefined ? {} : { qualityNote: verdict.note }),
        });
      }
    }
  });
  return outcome.deadLetters.length > MAX_DEAD_LETTERS_PER_MESSAGE ? { ...outcome, deadLetters: [collapse(outcome.deadLetters)] } : outcome;
}

/** One dead letter standing for many from the same message: the commonest reason, the first problems. */
function collapse(letters: readonly DeadLetter[]): DeadLetter {
  const counts = new Map<DeadLetterReason, number>();
  for (const letter of letters) counts.set(letter.reason, (counts.get(letter.reason) ?? 0) + 1);
  const [reason] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const shown = letters.slice(0, MAX_DEAD_LETTERS_PER_MESSAGE).map((l) => l.detail);
  const first = letters[0]!;
  return {
    ...first,
    reason,
    detail: `${letters.length} problems in this message (${[...counts].map(([r, n]) => `${n} ${r}`).join(', ')}); the first ${shown.length}: ${shown.join('; ')}`,
  };
}

function deadLetter(message: TelemetryMessage, text: string, reason: DeadLetterReason, detail: string): DeadLetter {
  const payload = text.length > MAX_KEPT_PAYLOAD_CHARS ? `${text.slice(0, MAX_KEPT_PAYLOAD_CHARS)}…[truncated]` : text;
  return { receivedAt: message.receivedAt, topic: message.topic, payload, reason, detail };
}
