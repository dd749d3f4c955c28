/** How to reach InfluxDB. Validated once, when the store is built, so a bad setting fails at boot. */
export interface InfluxStoreOptions {
  /** Base URL, e.g. http://influxdb:8086 (no /api/v2 suffix: the v1 endpoints are used). */
  readonly url: string;
  /** 1.x database; on 2.x/3.x the database name a DBRP mapping points at a bucket. */
  readonly database: string;
  /** 2.x/3.x API token, sent as `Authorization: Token …`. */
  readonly token?: string;
  /** 1.x user, with password; sent as the `u`/`p` parameters. */
  readonly username?: string;
  readonly password?: string;
  /** Optional retention policy, created (or altered) as the database default by prepare(). None: autogen, kept forever. */
  readonly retentionPolicy?: { readonly name: string; readonly duration: string };
  /** Deadline for one HTTP request, connect to last byte. */
  readonly timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** InfluxQL duration literal: one or more <integer><unit> pairs (e.g. 30d, 1h30m), or INF. */
const DURATION = /^(INF|(\d+(ns|u|µ|ms|s|m|h|d|w))+)$/;

/** Throws an Error naming the first bad option; returns the options with defaults filled in. */
export function validateInfluxOptions(options: InfluxStoreOptions): InfluxStoreOptions & { readonly timeoutMs: number } {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new Error(`influx url ${JSON.stringify(options.url)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`influx url must be http or https, got ${url.protocol}`);
  if (url.search !== '' || url.hash !== '') throw new Error('influx url must not carry a query or fragment');
  if (options.database.trim() === '') throw new Error('influx database is empty');
  if ((options.username === undefined) !== (options.password === undefined)) {
    throw new Error('influx username and password go together: set both or neither');
  }
  if (options.token !== undefined && options.username !== undefined) {
    throw new Error('influx token and username/password are alternatives: set one');
  }
  const rp = options.retentionPolicy;
  if (rp !== undefined) {
    if (rp.name.trim() === '') throw new Error('influx retention policy name is empty');
    if (!DURATION.test(rp.duration)) throw new Error(`influx retention policy duration ${JSON.stringify(rp.duration)} is not like 30d, 52w or INF`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error(`influx timeoutMs must be a positive integer, got ${timeoutMs}`);
  return { ...options, timeoutMs };
}
