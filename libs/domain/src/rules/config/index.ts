export * from './rule-files';
export * from './rule-config-problem';
export * from './rule-config.error';
export * from './parse-rule-set';
export * from './beijing-instant';
export { LEVEL_GAUGE_KINDS, RISING_GAUGE_KINDS, RAIN_GAUGE_KINDS } from './station-checks';
export { CRITICAL_RAINFALL_WINDOWS_H, REQUIRED_RAINFALL_WINDOWS_H } from './warning-area-entry.dto';
export { MAX_HYSTERESIS_M } from './water-level-entry.dto';
