import type { Principal } from '@hydro/domain';
import type { EventLog, EventQuery, StoredEvent } from '@hydro/ingestion';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_LOG } from '../storage/storage.tokens';

/** One thing a person (or system) did through the API: who, when, what, to what, why. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: number;
  readonly actor: Principal;
  /** e.g. `alert.acknowledge`, `maintenance.open`, `token.issue`, `rules.reload`. */
  readonly action: string;
  /** What it was done to: an alert id, a station id, a token id. */
  readonly target: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** The audit log: every state change made through the API, appended to the `audit` stream. */
@Injectable()
export class AuditTrail {
  constructor(@Inject(EVENT_LOG) private readonly eventLog: EventLog) {}

  async record(actor: Principal, action: string, target: string, at: number, detail?: Readonly<Record<string, unknown>>): Promise<void> {
    await this.eventLog.append('audit', [{ at, body: { actor, action, target, ...(detail === undefined ? {} : { detail }) } }]);
  }

  async entries(query: EventQuery): Promise<AuditEntry[]> {
    return (await this.eventLog.read('audit', query)).map((e: StoredEvent) => ({ seq: e.seq, at: e.at, ...(e.body as Omit<AuditEntry, 'seq' | 'at'>) }));
  }
}
