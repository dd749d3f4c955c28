import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { interpretTelemetry, parseStationRegistry, type StationRegistry, type TelemetryOutcome } from '@hydro/domain';
import type { SimulatedMessage } from '../scenario';

/** The committed synthetic registry (config/stations.json), read once per spec file. */
let cached: StationRegistry | undefined;
export function committedRegistry(): StationRegistry {
  cached ??= parseStationRegistry(JSON.parse(readFileSync(join(__dirname, '../../../../config/stations.json'), 'utf8')), 'config/stations.json');
  return cached;
}

/** The default simulated start of the CLI: 21 September 2023, 08:00 Beijing time. */
export const START = Date.parse('2023-09-21T08:00:00+08:00');
export const HOUR = 3_600_000;

/** What the centre makes of a simulated message received the moment it is due. */
export function interpret(message: SimulatedMessage, registry: StationRegistry): TelemetryOutcome {
  return interpretTelemetry({ topic: message.topic, payload: Buffer.from(message.payload), receivedAt: message.dueAt }, registry);
}

export interface ParsedReport {
  readonly observedAt: number;
  readonly readings: Record<string, number>;
}

/** The observations a well-formed message carries (single or batch form). */
export function observationsOf(message: SimulatedMessage): ParsedReport[] {
  const body = JSON.parse(message.payload) as { observedAt?: string; readings?: Record<string, number>; observations?: { observedAt: string; readings: Record<string, number> }[] };
  if (body.observations) return body.observations.map((o) => ({ observedAt: Date.parse(o.observedAt), readings: o.readings }));
  return [{ observedAt: Date.parse(body.observedAt ?? ''), readings: body.readings ?? {} }];
}

/** One line per message: comparing these is far cheaper than a deep equality over objects. */
export function fingerprint(messages: readonly SimulatedMessage[]): string[] {
  return messages.map((m) => `${m.dueAt} ${m.channel} ${m.topic} ${m.expectedDeadLetter ?? ''} ${m.payload}`);
}

/** True when due times never go backwards. */
export function inDueOrder(messages: readonly SimulatedMessage[]): boolean {
  return messages.every((m, i) => i === 0 || m.dueAt >= (messages[i - 1]?.dueAt ?? 0));
}
