import * as q from './influx-queries';

const from = Date.UTC(2023, 5, 15); // 1686787200000
const to = Date.UTC(2023, 5, 16); // 1686873600000

describe('InfluxQL text', () => {
  describe('quoting', () => {
    it('escapes quotes, backslashes and newlines in string literals', () => {
      expect(q.quoteString("O'Brien")).toBe("'O\\'Brien'");
      expect(q.quoteString('a\\b')).toBe("'a\\\\b'");
      expect(q.quoteString("\\'")).toBe("'\\\\\\''");
      expect(q.quoteString('two\nlines')).toBe("'two\\nlines'");
    });

    it('escapes double quotes and backslashes in identifiers', () => {
      expect(q.quoteIdentifier('hydro')).toBe('"hydro"');
      expect(q.quoteIdentifier('my "db"\\x')).toBe('"my \\"db\\"\\\\x"');
    });
  });

  describe('database and retention policy', () => {
    it('creates the database and shows its retention policies', () => {
      expect(q.createDatabase('hydro')).toBe('CREATE DATABASE "hydro"');
      expect(q.showRetentionPolicies('hydro')).toBe('SHOW RETENTION POLICIES ON "hydro"');
    });

    it('creates or alters the retention policy as the default', () => {
      expect(q.createRetentionPolicy('hydro', 'two_years', '104w')).toBe(
        'CREATE RETENTION POLICY "two_years" ON "hydro" DURATION 104w REPLICATION 1 DEFAULT',
      );
      expect(q.alterRetentionPolicy('hydro', 'two_years', '104w')).toBe('ALTER RETENTION POLICY "two_years" ON "hydro" DURATION 104w DEFAULT');
    });
  });

  describe('readings', () => {
    it('selects everything when nothing is asked for', () => {
      expect(q.selectReadings({})).toBe('SELECT "value", "quality", "qc", "station", "element" FROM "reading"');
    });

    it('filters by station, element and a half-open time range in ms', () => {
      expect(q.selectReadings({ stationId: '70601234', element: 'rainfall', from, to })).toBe(
        'SELECT "value", "quality", "qc", "station", "element" FROM "reading" ' +
          `WHERE "station" = '70601234' AND "element" = 'rainfall' AND time >= 1686787200000ms AND time < 1686873600000ms`,
      );
    });

    it('counts the value field with the same filter', () => {
      expect(q.countReadings({ stationId: "x' OR '1'='1" })).toBe(`SELECT count("value") FROM "reading" WHERE "station" = 'x\\' OR \\'1\\'=\\'1'`);
    });

    it('refuses non-integer times', () => {
      expect(() => q.selectReadings({ from: 1.5 })).toThrow(RangeError);
    });
  });

  describe('series', () => {
    const query = { stationId: '70601234', element: 'water_level', from, to, every: 300_000 } as const;

    it('aggregates per epoch-aligned bucket of `every` ms, omitting empty buckets', () => {
      expect(q.selectSeriesBuckets(query)).toBe(
        'SELECT mean("value"), min("value"), max("value"), sum("value"), count("value") FROM "reading" ' +
          `WHERE "station" = '70601234' AND "element" = 'water_level' AND time >= 1686787200000ms AND time < 1686873600000ms ` +
          'GROUP BY time(300000ms) fill(none)',
      );
    });

    it('counts suspect readings per bucket in a statement of its own', () => {
      expect(q.countSuspectPerBucket(query)).toBe(
        `SELECT count("value") FROM "reading" WHERE "station" = '70601234' AND "element" = 'water_level' AND "quality" = 'suspect' ` +
          'AND time >= 1686787200000ms AND time < 1686873600000ms GROUP BY time(300000ms) fill(none)',
      );
    });

    it('selects the raw readings of the station and element when no bucket width is given', () => {
      expect(q.selectSeriesReadings({ ...query, every: undefined })).toBe(q.selectReadings({ stationId: '70601234', element: 'water_level', from, to }));
    });

    it('refuses a bucket width that is not a positive integer', () => {
      expect(() => q.selectSeriesBuckets({ ...query, every: 0 })).toThrow(RangeError);
      expect(() => q.countSuspectPerBucket({ ...query, every: 2.5 })).toThrow(RangeError);
    });
  });

  describe('the newest point per series', () => {
    it('selects whole points with a per-series LIMIT 1, not last() of each field', () => {
      expect(q.selectLatestReadings({})).toBe(
        'SELECT "value", "quality", "qc" FROM "reading" GROUP BY "station", "element" ORDER BY time DESC LIMIT 1',
      );
      expect(q.selectLastArrivals()).toBe('SELECT "received_at", "on_schedule" FROM "arrival" GROUP BY "station", "channel" ORDER BY time DESC LIMIT 1');
    });

    it('filters by any of the stations and by element', () => {
      expect(q.selectLatestReadings({ stationIds: ['70601234', "x'y", '70601234'], element: 'rainfall' })).toBe(
        `SELECT "value", "quality", "qc" FROM "reading" WHERE ("station" = '70601234' OR "station" = 'x\\'y') AND "element" = 'rainfall' ` +
          'GROUP BY "station", "element" ORDER BY time DESC LIMIT 1',
      );
      expect(q.selectLatestReadings({ stationIds: ['70601234'] })).toContain(`WHERE "station" = '70601234' GROUP BY`);
    });

    it('refuses an empty station list, which the store answers without asking', () => {
      expect(() => q.selectLatestReadings({ stationIds: [] })).toThrow(RangeError);
    });
  });

  it('selects arrivals by station, channel and time', () => {
    expect(q.selectArrivals({ stationId: '70601234', channel: 'beidou', to })).toBe(
      `SELECT "received_at", "on_schedule", "station", "channel" FROM "arrival" WHERE "station" = '70601234' AND "channel" = 'beidou' AND time < 1686873600000ms`,
    );
  });

  describe('arrival counts', () => {
    const day = 86_400_000;

    it('counts on-schedule arrivals per epoch-aligned bucket, station and channel', () => {
      expect(q.countArrivalsPerChannel({ from, to, every: day })).toBe(
        `SELECT count("on_schedule") FROM "arrival" WHERE "on_schedule" = true AND time >= 1686787200000ms AND time < 1686873600000ms ` +
          'GROUP BY time(86400000ms), "station", "channel" fill(none)',
      );
    });

    it('counts reports per bucket and station, the channels’ copies being one point', () => {
      expect(q.countReports({ from, to, every: day })).toBe(
        'SELECT count("received_at") FROM "report" WHERE time >= 1686787200000ms AND time < 1686873600000ms GROUP BY time(86400000ms), "station" fill(none)',
      );
    });

    it('filters both by any of the stations', () => {
      const query = { from, to, every: 3_600_000, stationIds: ['70601234', "70'1"] };
      expect(q.countArrivalsPerChannel(query)).toContain(`WHERE "on_schedule" = true AND ("station" = '70601234' OR "station" = '70\\'1') AND time >=`);
      expect(q.countReports(query)).toContain(`WHERE ("station" = '70601234' OR "station" = '70\\'1') AND time >=`);
    });

    it('refuses an empty station list and a bucket width that is not a positive integer', () => {
      expect(() => q.countReports({ from, to, every: day, stationIds: [] })).toThrow(RangeError);
      expect(() => q.countArrivalsPerChannel({ from, to, every: 0 })).toThrow(RangeError);
    });
  });

  describe('dead letters', () => {
    it('selects by reason and receipt time, with a limit', () => {
      expect(q.selectDeadLetters({ reason: 'malformed_json', from, limit: 50 })).toBe(
        'SELECT "topic", "payload", "detail", "received_at", "serial", "reason" FROM "dead_letter" ' +
          `WHERE "reason" = 'malformed_json' AND time >= 1686787200000ms LIMIT 50`,
      );
    });

    it('counts without the limit', () => {
      expect(q.countDeadLetters({ reason: 'bad_topic', limit: 5 })).toBe(`SELECT count("serial") FROM "dead_letter" WHERE "reason" = 'bad_topic'`);
    });

    it('refuses a limit that is not a positive integer', () => {
      expect(() => q.selectDeadLetters({ limit: 0 })).toThrow(RangeError);
      expect(() => q.selectDeadLetters({ limit: 2.5 })).toThrow(RangeError);
    });
  });
});
