import { HOUR_MS } from '../../../time/durations';

/**
 * How late (behind the newest observation) a reading may arrive and still be placed and re-judged.
 * BeiDou batches arrive within the hour and an RTU's stored history after an outage within the day;
 * anything older cannot change today's verdict enough to be worth the memory.
 */
export const LATE_READING_HORIZON_MS = 24 * HOUR_MS;
