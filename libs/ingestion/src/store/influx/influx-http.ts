import * as http from 'node:http';
import * as https from 'node:https';
import { InfluxDB, type Transport } from '@influxdata/influxdb-client';
import type { InfluxStoreOptions } from './influx-options';

/**
 * The v1 HTTP API (`/write`, `/query`, `/ping`) over the official client's transport. The client's
 * WriteApi speaks only `/api/v2/write`, which 1.x lacks; the v1 endpoints exist on 1.x and, as
 * compatibility endpoints, on 2.x and 3.x. Errors are passed on as thrown (HttpError, socket errors);
 * influx-errors.ts sorts them. Nothing here retries: the caller owns retries and backoff.
 */

/**
 * Keep-alive, because a new connection per batch spends most of the time in set-up (PITFALLS).
 * A few sockets at most: the drain writes one batch at a time, and InfluxDB 1.6 answers
 * "error syncing wal" to many concurrent writes.
 */
const MAX_SOCKETS = 4;

export class InfluxHttp {
  private readonly agent: http.Agent;
  private readonly transport: Transport;

  constructor(private readonly options: InfluxStoreOptions & { readonly timeoutMs: number }) {
    const agentOptions = { keepAlive: true, maxSockets: MAX_SOCKETS };
    this.agent = new URL(options.url).protocol === 'https:' ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
    this.transport = new InfluxDB({
      url: options.url,
      ...(options.token === undefined ? {} : { token: options.token }),
      timeout: options.timeoutMs,
      transportOptions: { agent: this.agent },
    }).transport;
  }

  /** POSTs line protocol with nanosecond timestamps to the configured database and retention policy. */
  async write(lineProtocol: string): Promise<void> {
    const params = this.params({ precision: 'ns' });
    await this.send(`/write?${params.toString()}`, lineProtocol, 'POST', 'text/plain; charset=utf-8');
  }

  /**
   * POSTs InfluxQL as a form (POST is required for CREATE/ALTER, and keeps credentials out of the URL).
   * Times come back as epoch milliseconds. Returns the parsed JSON answer.
   */
  async query(influxQl: string): Promise<unknown> {
    const form = this.params({ q: influxQl, epoch: 'ms' });
    return this.send('/query', form.toString(), 'POST', 'application/x-www-form-urlencoded');
  }

  /** GET /ping: 204 on 1.x and 2.x, 200 on some builds; any 2xx will do, errors throw. */
  async ping(): Promise<void> {
    await this.send('/ping', '', 'GET', 'text/plain; charset=utf-8');
  }

  /** Closes idle keep-alive sockets and any in flight; the instance is unusable afterwards. */
  close(): void {
    this.agent.destroy();
  }

  private params(extra: Record<string, string>): URLSearchParams {
    const params = new URLSearchParams({ db: this.options.database, ...extra });
    if (this.options.retentionPolicy !== undefined) params.set('rp', this.options.retentionPolicy.name);
    if (this.options.username !== undefined && this.options.password !== undefined) {
      params.set('u', this.options.username);
      params.set('p', this.options.password);
    }
    return params;
  }

  private async send(path: string, body: string, method: string, contentType: string): Promise<unknown> {
    const { timeoutMs } = this.options;
    try {
      // The client's own `timeout` is a socket idle timeout that reports but leaves the request
      // running; the signal bounds the whole exchange and destroys the socket when it fires.
      const answer: unknown = await this.transport.request(path, body, {
        method,
        headers: { 'content-type': contentType },
        signal: AbortSignal.timeout(timeoutMs),
      });
      return answer;
    } catch (error) {
      if (error instanceof Error && /^(AbortError|RequestTimedOutError|TimeoutError)$/.test(error.name)) {
        throw new Error(`no answer from InfluxDB within ${timeoutMs} ms (${error.name})`);
      }
      throw error;
    }
  }
}
