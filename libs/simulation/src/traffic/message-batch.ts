import { telemetryTopic, type Channel, type DeadLetterReason } from '@hydro/domain';
import type { SimulatedMessage } from '../scenario';

interface Pending {
  readonly message: SimulatedMessage;
  readonly stationOrder: number;
  readonly sequence: number;
}

/**
 * Collects the messages of one window from per-station generators and hands them out in the
 * scenario order: due time, then station (registry order), then the order they were added.
 */
export class MessageBatch {
  private readonly pending: Pending[] = [];

  constructor(
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** True when a message due at `dueAt` belongs to this window. */
  covers(dueAt: number): boolean {
    return dueAt >= this.from && dueAt < this.to;
  }

  add(stationOrder: number, stationId: string, channel: Channel, dueAt: number, payload: string, expectedDeadLetter?: DeadLetterReason): void {
    this.addMessage(stationOrder, {
      topic: telemetryTopic(stationId),
      payload,
      channel,
      dueAt,
      stationId,
      ...(expectedDeadLetter === undefined ? {} : { expectedDeadLetter }),
    });
  }

  addMessage(stationOrder: number, message: SimulatedMessage): void {
    if (!this.covers(message.dueAt)) return;
    this.pending.push({ message, stationOrder, sequence: this.pending.length });
  }

  sorted(): SimulatedMessage[] {
    return this.pending
      .sort((a, b) => a.message.dueAt - b.message.dueAt || a.stationOrder - b.stationOrder || a.sequence - b.sequence)
      .map((p) => p.message);
  }
}
