export * from './reading-store';
export * from './event-log';
export { MAX_ARRIVAL_COUNT_BUCKETS } from './arrival-count-query';
export { MAX_EVENT_BODY_BYTES } from './event-encoding';
export * from './influx';
export * from './sqlite';
