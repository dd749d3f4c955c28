import { StoreUnavailableError } from '../reading-store';
import { InfluxStatementError, classifyFailure, influxMessage, isHttpError } from './influx-errors';
import type { InfluxHttp } from './influx-http';
import type { validateInfluxOptions } from './influx-options';
import * as q from './influx-queries';
import { expectStatementOk, statementRows } from './influx-response';

/**
 * The database (and optional retention policy) an InfluxDB adapter writes into, shared by the reading
 * store and the event log so that both provision and probe it alike (docs/storage.md, "Which InfluxDB").
 */
export class InfluxDatabase {
  constructor(
    private readonly http: InfluxHttp,
    private readonly options: ReturnType<typeof validateInfluxOptions>,
  ) {}

  /**
   * Creates the database (idempotent on 1.x) and the optional retention policy. On 2.x/3.x, or with
   * a 1.x user without admin rights, CREATE DATABASE is refused; then the database (bucket + DBRP
   * mapping) must have been provisioned, which is checked by an empty write.
   */
  async prepare(): Promise<void> {
    const { database } = this.options;
    try {
      await this.run(q.createDatabase(database));
    } catch (error) {
      if (!provisionedElsewhere(error)) throw classifyFailure(error, `CREATE DATABASE ${database}`);
      await this.requireWritable(`InfluxDB refused CREATE DATABASE (${influxMessage(error)})`);
      return;
    }
    try {
      await this.ensureRetentionPolicy();
    } catch (error) {
      throw classifyFailure(error, `retention policy ${this.options.retentionPolicy?.name ?? ''}`);
    }
  }

  /** Creates a database that vanished (dropped, data directory wiped) again; failures are thrown as they came. */
  async recreate(): Promise<void> {
    await this.run(q.createDatabase(this.options.database));
    await this.ensureRetentionPolicy();
  }

  /**
   * An empty write stores nothing but passes the same routing, database lookup and permission checks
   * as a real one: 1.x answers 204 (404 for a missing database), 2.x checks bucket and write rights
   * and then answers 400 "writing requires points". So 2xx or 400 means "writable".
   */
  async probeWrite(): Promise<void> {
    try {
      await this.http.write('');
    } catch (error) {
      if (isHttpError(error) && error.statusCode === 400) return;
      throw error;
    }
  }

  /** Makes the configured retention policy exist, with the configured duration, as the database default. */
  private async ensureRetentionPolicy(): Promise<void> {
    const rp = this.options.retentionPolicy;
    if (rp === undefined) return;
    const { database } = this.options;
    const existing = statementRows(await this.http.query(q.showRetentionPolicies(database))).map((row) => row['name']);
    const statement = existing.includes(rp.name)
      ? q.alterRetentionPolicy(database, rp.name, rp.duration)
      : q.createRetentionPolicy(database, rp.name, rp.duration);
    await this.run(statement);
  }

  private async requireWritable(why: string): Promise<void> {
    try {
      await this.probeWrite();
    } catch (error) {
      const { database, retentionPolicy } = this.options;
      const rp = retentionPolicy === undefined ? '' : ` and retention policy "${retentionPolicy.name}"`;
      throw new StoreUnavailableError(
        `${why}, and writing to database "${database}" fails (${influxMessage(error)}). ` +
          `Create the database (1.x: CREATE DATABASE "${database}"), or on 2.x/3.x the bucket and a DBRP mapping ` +
          `for database "${database}"${rp}, and give these credentials write access to it`,
      );
    }
  }

  /** Sends a statement that returns nothing; failures are thrown as they came, for the caller to sort. */
  private async run(statement: string): Promise<void> {
    expectStatementOk(await this.http.query(statement));
  }
}

/** The answers of a server where databases are provisioned by an operator, not by CREATE DATABASE. */
function provisionedElsewhere(error: unknown): boolean {
  if (error instanceof InfluxStatementError) return true;
  return isHttpError(error) && [401, 403, 404, 501].includes(error.statusCode);
}
