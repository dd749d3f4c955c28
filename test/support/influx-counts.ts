import type { InfluxServer } from './influxdb-server';

/** Counts over the stored schema, asked of InfluxDB itself rather than of the process. */
export async function countIn(influx: InfluxServer, database: string, q: string): Promise<number> {
  const response = await influx.query(q, database);
  const value = response.results?.[0]?.series?.[0]?.values?.[0]?.[1];
  return typeof value === 'number' ? value : 0;
}

export const countReadings = (influx: InfluxServer, db: string): Promise<number> => countIn(influx, db, 'SELECT count("value") FROM "reading"');
export const countArrivals = (influx: InfluxServer, db: string): Promise<number> => countIn(influx, db, 'SELECT count("received_at") FROM "arrival"');
export const countDeadLetters = (influx: InfluxServer, db: string): Promise<number> => countIn(influx, db, 'SELECT count("detail") FROM "dead_letter"');

/** `SELECT count(...) … GROUP BY "<tag>"` as { tagValue: count }. */
export async function countsByTag(influx: InfluxServer, database: string, q: string, tag: string): Promise<Record<string, unknown>> {
  const response = await influx.query(q, database);
  const counts: Record<string, unknown> = {};
  for (const series of response.results?.[0]?.series ?? []) counts[series.tags?.[tag] ?? ''] = series.values?.[0]?.[1];
  return counts;
}
