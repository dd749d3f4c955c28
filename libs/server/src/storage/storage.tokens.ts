/** The reading store (InfluxDB or SQLite) that the pipeline writes and the API reads. */
export const READING_STORE = Symbol('READING_STORE');
/** The event log (alert transitions, maintenance, audit, tokens) in the same store. */
export const EVENT_LOG = Symbol('EVENT_LOG');
/** The station registry (config/stations.json), loaded and validated once. */
export const STATION_REGISTRY = Symbol('STATION_REGISTRY');
