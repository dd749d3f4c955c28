/** Where the source hands each message; `accept` resolves once the message may be acknowledged. */
export interface TelemetrySink {
  accept(topic: string, payload: Buffer): Promise<void>;
  /** False while the spool is too full to take more; the source then stops consuming. */
  hasRoom(): boolean;
}

/** A feed of station reports (an MQTT broker, or later an embedded one or a replay). */
export interface TelemetrySource {
  /** Connects and subscribes; rejects when the feed refuses us (bad credentials, refused subscription). */
  start(sink: TelemetrySink): Promise<void>;
  /** Stops consuming, without giving up the subscription: the broker keeps queueing for us. */
  stop(): Promise<void>;
  /** Connected, subscribed and consuming. */
  readonly consuming: boolean;
  /** A line for logs and the status page: where the feed is. */
  readonly description: string;
}
