import type { SamplePoint } from './workload';

/** The store an end-to-end run writes into: the ingestor's InfluxDB, or its embedded SQLite file. */
export type StoreKind = 'InfluxDB' | 'SQLite';

/**
 * What an end-to-end run asks of the store, from outside the ingestor: how much has landed, and
 * whether given readings have. Each implementation keeps its queries visible and cheap, because it
 * is polled while the ingestor works on the same machine.
 */
export interface LandedStore {
  readonly kind: StoreKind;
  /** Processes that serve the store, for the CPU meter (none when the store runs inside the ingestor). */
  readonly processes: Readonly<Record<string, readonly number[]>>;
  countReadings(): Promise<number>;
  countArrivals(): Promise<number>;
  countDeadLetters(): Promise<number>;
  /** The sample indexes, among `samples`, whose reading is stored: one query, or one read snapshot. */
  landed(samples: readonly SamplePoint[]): Promise<ReadonlySet<number>>;
  /** Closes connections and drops what the run wrote (the ingestor's DATA_DIR is its own to remove). */
  dispose(): Promise<void>;
}

/** How the ingestor is started for a store: the environment that chooses it. */
export interface StoreChoice {
  /** INFLUX_URL and INFLUX_DATABASE, or INFLUX_URL empty (which the ingestor reads as unset: SQLite in DATA_DIR). */
  readonly influxUrl?: string;
  readonly database?: string;
  readonly env: Readonly<Record<string, string>>;
}

/** One store under test: how the ingestor is pointed at it, and how the bench then looks into it. */
export interface StoreTarget {
  readonly kind: StoreKind;
  /** `tag` names the run (database names); called before the ingestor starts. */
  choose(tag: string): StoreChoice;
  /** Called once the ingestor is ready, with the same tag and the ingestor's DATA_DIR. */
  open(tag: string, dataDir: string): LandedStore;
}
