export { InfluxReadingStore } from './influx-reading-store';
export { InfluxEventLog } from './influx-event-log';
export type { InfluxStoreOptions } from './influx-options';
