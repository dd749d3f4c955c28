import 'reflect-metadata';
import { Transform } from 'class-transformer';
import { SCENARIO_NAMES } from '@hydro/simulation';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);
const toNumber = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const URL_OPTIONS = { require_tld: false, require_protocol: true };

/**
 * Every environment variable the services read, with its default. Documented in
 * docs/configuration.md; keep the two in step. Boot settings only: rules and
 * thresholds that users tune live in config/ files.
 */
export class EnvironmentDto {
  /** 0 picks a free port (tests). */
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  HTTP_PORT = 3000;

  @IsString() @MinLength(1)
  HTTP_HOST = '0.0.0.0';

  /** An external broker; when unset, the embedded broker runs. */
  @IsOptional()
  @IsUrl({ ...URL_OPTIONS, protocols: ['mqtt', 'mqtts', 'ws', 'wss', 'tcp', 'ssl'] }, { message: 'must be a broker URL such as mqtt://host:1883' })
  MQTT_URL?: string;

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  MQTT_BROKER_PORT = 1883;

  @IsString() @MinLength(1)
  MQTT_BROKER_HOST = '127.0.0.1';

  @Matches(/^[A-Za-z0-9_.-]{1,20}$/, { message: 'must be 1-20 letters, digits, "_", "." or "-" (a connection index is appended)' })
  MQTT_CLIENT_ID = 'hydro-ingestor';

  @Matches(/^[A-Za-z0-9_.-]{0,64}$/, { message: 'must be empty or letters, digits, "_", "." or "-"' })
  MQTT_SHARED_GROUP = '';

  @Transform(toInt) @IsInt() @Min(1) @Max(64)
  MQTT_CONNECTIONS = 4;

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  MQTT_IN_FLIGHT = 1000;

  @IsOptional() @IsString()
  MQTT_USERNAME?: string;

  @IsOptional() @IsString()
  MQTT_PASSWORD?: string;

  @IsOptional() @IsString()
  MQTT_CA_FILE?: string;

  @IsOptional() @IsString()
  MQTT_CERT_FILE?: string;

  @IsOptional() @IsString()
  MQTT_KEY_FILE?: string;

  @Transform(toBool) @IsBoolean({ message: 'must be true or false' })
  MQTT_REJECT_UNAUTHORIZED = true;

  @Transform(toInt) @IsInt() @Min(5) @Max(3600)
  MQTT_KEEPALIVE_SECONDS = 60;

  @Transform(toInt) @IsInt() @Min(60)
  MQTT_SESSION_EXPIRY_SECONDS = 14 * 24 * 3600;

  @Transform(toInt) @IsInt() @Min(100)
  MQTT_RECONNECT_MIN_MS = 1000;

  @Transform(toInt) @IsInt() @Min(100)
  MQTT_RECONNECT_MAX_MS = 30_000;

  /** InfluxDB; when unset, the embedded SQLite store in DATA_DIR is used. */
  @IsOptional()
  @IsUrl({ ...URL_OPTIONS, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL such as http://127.0.0.1:8086' })
  INFLUX_URL?: string;

  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be 1-64 letters, digits, "_", "." or "-"' })
  INFLUX_DATABASE = 'hydro';

  @IsOptional() @IsString()
  INFLUX_TOKEN?: string;

  @IsOptional() @IsString()
  INFLUX_USERNAME?: string;

  @IsOptional() @IsString()
  INFLUX_PASSWORD?: string;

  @IsOptional() @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be a retention policy name' })
  INFLUX_RETENTION_POLICY?: string;

  @IsOptional() @Matches(/^(INF|(\d+(ns|u|ms|s|m|h|d|w))+)$/, { message: 'must be an InfluxQL duration such as 90d, 52w or INF' })
  INFLUX_RETENTION_DURATION?: string;

  @Transform(toInt) @IsInt() @Min(100)
  INFLUX_TIMEOUT_MS = 10_000;

  @Transform(toInt) @IsInt() @Min(1) @Max(100_000)
  INFLUX_BATCH_SIZE = 5000;

  @Transform(toInt) @IsInt() @Min(0) @Max(60_000)
  INFLUX_FLUSH_INTERVAL_MS = 200;

  @Transform(toInt) @IsInt() @Min(10)
  INFLUX_RETRY_MIN_MS = 500;

  @Transform(toInt) @IsInt() @Min(10)
  INFLUX_RETRY_MAX_MS = 30_000;

  @IsString() @MinLength(1)
  DATA_DIR = './.data';

  @Transform(toInt) @IsInt() @Min(1024 * 1024)
  SPOOL_MAX_BYTES = 1024 * 1024 * 1024;

  @IsString() @MinLength(1)
  STATIONS_FILE = 'config/stations.json';

  @Transform(toInt) @IsInt() @Min(0) @Max(24 * 60)
  MAX_FUTURE_MINUTES = 10;

  /** Who issues the warnings, as CAP 1.2 documents name it (`sender`): no spaces, commas, "<" or "&". */
  @Matches(/^[^\s,<&]+$/, { message: 'must be an identifier without spaces, commas, "<" or "&", e.g. hydro-centre@wenzhou.example' })
  CAP_SENDER = 'hydro-centre@wenzhou.water.example';

  /** The flood rule files (docs/rules.md). */
  @IsString() @MinLength(1)
  RULES_DIR = 'config/rules';

  /** Webhooks for alert transitions (docs/notifications.md). */
  @IsString() @MinLength(1)
  NOTIFICATIONS_FILE = 'config/notifications.json';

  @Transform(toInt) @IsInt() @Min(0) @Max(600_000)
  SHUTDOWN_GRACE_MS = 10_000;

  /** A simulator scenario to publish to this process's broker, or `off`. */
  @IsIn([...SCENARIO_NAMES, 'off'], { message: `must be off or a scenario: ${SCENARIO_NAMES.join(', ')}` })
  SIMULATE = 'off';

  /** Simulated seconds per real second. */
  @Transform(toNumber) @IsNumber({}, { message: 'must be a number' }) @Min(0.01) @Max(100_000)
  SIMULATE_SPEED = 60;

  @Transform(toInt) @IsInt()
  SIMULATE_SEED = 1;

  /** Simulated start; unset: so that the run ends about when it would in real time (see docs/configuration.md). */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'must be ISO 8601 with a UTC offset, e.g. 2023-09-21T08:00:00+08:00' })
  @Matches(/(Z|[+-]\d\d:?\d\d)$/, { message: 'must carry a UTC offset (Z or +08:00)' })
  SIMULATE_START?: string;

  /** Simulated hours; unset: the scenario's own length. */
  @IsOptional() @Transform(toNumber) @IsNumber({}, { message: 'must be a number' }) @Min(0.01) @Max(24 * 365)
  SIMULATE_HOURS?: number;

  /** An administrator's bearer token for the API, never stored (first start, tests, automation). */
  @IsOptional() @IsString() @MinLength(20, { message: 'must be at least 20 characters: it grants every permission' })
  HYDRO_ADMIN_TOKEN?: string;

  @IsIn(['json', 'text'])
  LOG_FORMAT: 'json' | 'text' = 'json';

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export type Environment = Readonly<EnvironmentDto>;
