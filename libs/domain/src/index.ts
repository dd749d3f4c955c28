export * from './telemetry/element';
export * from './telemetry/channel';
export * from './telemetry/reading';
export * from './telemetry/dead-letter';
export * from './stations/station';
