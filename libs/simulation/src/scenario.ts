import type { Channel, DeadLetterReason, Station } from '@hydro/domain';

export const SCENARIO_NAMES = ['calm', 'typhoon', 'outages', 'garbage'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

/** Everything a scenario depends on. Same context ⇒ same messages, byte for byte. */
export interface ScenarioContext {
  /** The station registry, in file order (StationRegistry.all()). */
  readonly stations: readonly Station[];
  readonly seed: number;
  /** Simulated start, epoch ms. No report is observed before it. */
  readonly start: number;
}

/** One MQTT publish the simulated network makes. */
export interface SimulatedMessage {
  readonly topic: string;
  /** JSON per docs/message-contract.md, or deliberately not (garbage scenario). */
  readonly payload: string;
  /** The link it travels over. */
  readonly channel: Channel;
  /** Simulated time it is sent, epoch ms (for timed reports: the observation time). */
  readonly dueAt: number;
  /** The station the topic names. */
  readonly stationId: string;
  /** Only on hostile messages: the dead-letter reason the contract gives them. */
  readonly expectedDeadLetter?: DeadLetterReason;
}

/**
 * A simulated network. `messagesDue(from, to)` gives the messages due in the simulated window
 * [from, to), ordered by due time (for timed reports, observation time), then by station in
 * registry order, cellular before beidou. Windows may be cut anywhere: consecutive windows
 * give the same sequence as one window over their union.
 */
export interface Scenario {
  readonly name: ScenarioName;
  messagesDue(from: number, to: number): SimulatedMessage[];
}
