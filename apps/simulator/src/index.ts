export { parseCliOptions, DEFAULT_STATIONS_FILE } from './cli-options';
