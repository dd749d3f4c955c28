export * from './durations';
export * from './beijing-time';
export * from './time-range';
export * from './hydrological-day';
export * from './time-input.error';
export * from './parse-time-input';
