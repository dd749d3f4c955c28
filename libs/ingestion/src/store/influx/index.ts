export { InfluxReadingStore } from './influx-reading-store';
export type { InfluxStoreOptions } from './influx-options';
