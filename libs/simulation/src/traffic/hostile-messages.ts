import { ELEMENTS, telemetryTopic, type DeadLetterReason, type Element, type Station } from '@hydro/domain';
import { formatBeijing } from '../time/sim-time';
import { reportPayload, type Observation } from './payloads';

/*
 * Malformed and hostile messages of the kinds a telemetry centre meets, each with the
 * dead-letter reason the message contract (docs/message-contract.md) gives it. Every one keeps
 * to `hydro/v1/telemetry/{something}` topics, the ones the centre subscribes to.
 */

export interface HostileInput {
  readonly station: Station;
  /** Another registry station, for a payload naming the wrong one. */
  readonly neighbour: Station;
  /** An 8-digit id that is not in the registry. */
  readonly unknownId: string;
  readonly observation: Observation;
  /** Uniform in [0, 1): picks the details (where to cut, which wrong value, …). */
  readonly detail: number;
}

export interface HostileMessage {
  readonly kind: string;
  readonly topic: string;
  readonly payload: string;
  readonly reason: DeadLetterReason;
}

interface HostileKind {
  readonly kind: string;
  readonly weight: number;
  readonly build: (input: HostileInput) => { topic?: string; payload: string; reason: DeadLetterReason };
}

/** Keep-alive frame of SL 651-2014 (function code 2F), as a mis-configured gateway forwards it raw. */
const SL651_KEEP_ALIVE = '7E7E01001234567812342F0008020003591011155111036BCA';
/** Far enough that no centre clock calls it the past: an RTU whose clock jumped 70 years. */
const FAR_FUTURE_MS = Math.round(70 * 365.25 * 24 * 3_600_000);
const OVERSIZE_CHARS = 300_000;
const OVERSIZE_OBSERVATIONS = 2_017;

function body(input: HostileInput, changes: Record<string, unknown>): string {
  const { station, observation } = input;
  return JSON.stringify({ stationId: station.id, observedAt: formatBeijing(observation.observedAt), channel: 'cellular', readings: observation.readings, ...changes });
}

function firstElement(input: HostileInput): Element {
  return input.station.elements[0] ?? 'battery_voltage';
}

export const HOSTILE_KINDS: readonly HostileKind[] = [
  { kind: 'truncated_json', weight: 12, build: (i) => {
    const whole = reportPayload(i.station.id, 'cellular', i.observation);
    return { payload: whole.slice(0, 1 + Math.floor(i.detail * (whole.length - 2))), reason: 'malformed_json' };
  } },
  { kind: 'sl651_frame', weight: 4, build: () => ({ payload: SL651_KEEP_ALIVE, reason: 'malformed_json' }) },
  { kind: 'unknown_station', weight: 10, build: (i) => ({ topic: telemetryTopic(i.unknownId), payload: body(i, { stationId: i.unknownId }), reason: 'unknown_station' }) },
  { kind: 'rtu_address_topic', weight: 4, build: (i) => {
    const { stationId: _omitted, ...rest } = JSON.parse(body(i, {})) as Record<string, unknown>;
    return { topic: telemetryTopic(i.station.rtuAddress), payload: JSON.stringify(rest), reason: 'unknown_station' };
  } },
  { kind: 'wrong_type', weight: 10, build: (i) => {
    const wrong = ['lots', null, true, String(i.observation.readings[firstElement(i)] ?? 1)][Math.floor(i.detail * 4)];
    return { payload: body(i, { readings: { ...i.observation.readings, [firstElement(i)]: wrong } }), reason: 'invalid_value' };
  } },
  { kind: 'non_finite', weight: 3, build: (i) => ({
    // JSON has no Infinity, but 1e999 parses to it.
    payload: body(i, { readings: { ...i.observation.readings, [firstElement(i)]: 0 } }).replace(`"${firstElement(i)}":0`, `"${firstElement(i)}":1e999`),
    reason: 'invalid_value',
  }) },
  { kind: 'future_timestamp', weight: 8, build: (i) => ({ payload: body(i, { observedAt: formatBeijing(i.observation.observedAt + FAR_FUTURE_MS) }), reason: 'future_timestamp' }) },
  { kind: 'no_offset', weight: 6, build: (i) => ({ payload: body(i, { observedAt: formatBeijing(i.observation.observedAt).slice(0, 19) }), reason: 'bad_timestamp' }) },
  { kind: 'epoch_seconds', weight: 4, build: (i) => ({ payload: body(i, { observedAt: Math.floor(i.observation.observedAt / 1000) }), reason: 'bad_timestamp' }) },
  { kind: 'impossible_date', weight: 3, build: (i) => ({ payload: body(i, { observedAt: `2023-02-30${formatBeijing(i.observation.observedAt).slice(10)}` }), reason: 'bad_timestamp' }) },
  { kind: 'unknown_element', weight: 8, build: (i) => ({ payload: body(i, { readings: { ...i.observation.readings, salinity: 3.1 } }), reason: 'unknown_element' }) },
  { kind: 'element_not_measured', weight: 5, build: (i) => {
    const missing = ELEMENTS.find((e) => !i.station.elements.includes(e));
    return missing === undefined
      ? { payload: body(i, { readings: { ...i.observation.readings, turbidity: 12 } }), reason: 'unknown_element' }
      : { payload: body(i, { readings: { ...i.observation.readings, [missing]: 1.5 } }), reason: 'element_not_measured' };
  } },
  { kind: 'station_mismatch', weight: 8, build: (i) => ({ payload: body(i, { stationId: i.neighbour.id }), reason: 'station_mismatch' }) },
  { kind: 'unknown_channel', weight: 5, build: (i) => ({ payload: body(i, { channel: i.detail < 0.5 ? 'lora' : 42 }), reason: 'unknown_channel' }) },
  { kind: 'channel_not_fitted', weight: 3, build: (i) => ({
    payload: i.station.channels.includes('beidou') ? body(i, { channel: undefined }) : body(i, { channel: 'beidou' }),
    reason: 'unknown_channel',
  }) },
  { kind: 'both_forms', weight: 3, build: (i) => ({
    payload: body(i, { observations: [{ observedAt: formatBeijing(i.observation.observedAt), readings: i.observation.readings }] }),
    reason: 'invalid_payload',
  }) },
  { kind: 'empty_readings', weight: 3, build: (i) => ({ payload: body(i, { readings: {} }), reason: 'invalid_payload' }) },
  { kind: 'not_an_object', weight: 2, build: (i) => ({ payload: i.detail < 0.5 ? '[1,2,3]' : 'null', reason: 'invalid_payload' }) },
  { kind: 'huge_payload', weight: 1, build: (i) => ({ payload: body(i, { padding: 'x'.repeat(OVERSIZE_CHARS) }), reason: 'invalid_payload' }) },
  { kind: 'oversized_batch', weight: 1, build: (i) => {
    const one = { observedAt: formatBeijing(i.observation.observedAt), readings: i.observation.readings };
    return { payload: JSON.stringify({ stationId: i.station.id, channel: 'cellular', observations: new Array<typeof one>(OVERSIZE_OBSERVATIONS).fill(one) }), reason: 'invalid_payload' };
  } },
];

const TOTAL_WEIGHT = HOSTILE_KINDS.reduce((sum, k) => sum + k.weight, 0);
/** Where rounding leaves a draw past the last weight. */
const LAST_KIND: HostileKind = HOSTILE_KINDS.reduce((_, k) => k);

/** The hostile message that `choice` (uniform in [0, 1)) picks, by weight. */
export function hostileMessage(choice: number, input: HostileInput): HostileMessage {
  let draw = choice * TOTAL_WEIGHT;
  const kind = HOSTILE_KINDS.find((k) => (draw -= k.weight) < 0) ?? LAST_KIND;
  const built = kind.build(input);
  return { kind: kind.kind, topic: built.topic ?? telemetryTopic(input.station.id), payload: built.payload, reason: built.reason };
}
