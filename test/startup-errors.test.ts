import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** Runs the ingestor (or the centre) as an operator would, and returns how it ended. */
function runIngestor(env: Record<string, string>, app: 'ingestor' | 'centre' = 'ingestor'): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, `apps/${app}/src/main.ts`)],
    {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', LOG_FORMAT: 'json', ...env },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The message of the JSON log line at level "fatal": what an operator reads first. */
function fatalMessage(output: string): string {
  const line = output.split('\n').find((l) => l.includes('"level":"fatal"'));
  return line === undefined ? '' : (JSON.parse(line) as { message: string }).message;
}

describe('the ingestor refuses to start on bad configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hydro-startup-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits with EX_CONFIG naming each bad variable and what it must be', () => {
    const { status, output } = runIngestor({ DATA_DIR: dir, MQTT_URL: 'localhost:1883', INFLUX_BATCH_SIZE: 'lots' });
    expect(status).toBe(78);
    expect(output).toContain('MQTT_URL="localhost:1883": must be a broker URL');
    expect(output).toContain('INFLUX_BATCH_SIZE="lots"');
  });

  it('exits with EX_CONFIG naming the registry file, the station and the field that is wrong', () => {
    const registry = JSON.parse(readFileSync(join(ROOT, 'config/stations.json'), 'utf8')) as { stations: Array<Record<string, unknown>> };
    const broken = registry.stations[7]!;
    broken['kind'] = 'lake';
    const file = join(dir, 'stations.json');
    writeFileSync(file, JSON.stringify(registry));
    const { status, output } = runIngestor({ DATA_DIR: dir, STATIONS_FILE: file, MQTT_URL: 'mqtt://127.0.0.1:1', INFLUX_URL: 'http://127.0.0.1:1' });
    expect(status).toBe(78);
    const message = fatalMessage(output);
    expect(message).toContain(file);
    expect(message).toContain(`stations[7] (id "${String(broken['id'])}"): kind must be one of`);
  });

  it('exits with EX_CONFIG naming the registry file when it is not JSON', () => {
    const file = join(dir, 'stations.json');
    writeFileSync(file, '{"version": 1, "stations": [');
    const { status, output } = runIngestor({ DATA_DIR: dir, STATIONS_FILE: file, MQTT_URL: 'mqtt://127.0.0.1:1', INFLUX_URL: 'http://127.0.0.1:1' });
    expect(status).toBe(78);
    const message = fatalMessage(output);
    expect(message).toContain(file);
    expect(message).toContain('not valid JSON');
  });
});

describe('the centre refuses to start on bad flood rules', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hydro-rules-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits with EX_CONFIG naming the rule file, the entry and the field that is wrong', () => {
    const rules = join(dir, 'rules');
    cpSync(join(ROOT, 'config/rules'), rules, { recursive: true });
    const file = join(rules, 'warning-areas.json');
    const areas = JSON.parse(readFileSync(file, 'utf8')) as { rules: Array<{ id: string; area: { thresholds: Array<{ prepare: number; evacuate: number }> } }> };
    const broken = areas.rules[3]!;
    broken.area.thresholds[0]!.evacuate = broken.area.thresholds[0]!.prepare - 1;
    writeFileSync(file, JSON.stringify(areas));

    const { status, output } = runIngestor({ DATA_DIR: join(dir, 'data'), RULES_DIR: rules, MQTT_BROKER_PORT: '65001' }, 'centre');
    expect(status).toBe(78);
    const message = fatalMessage(output);
    expect(message).toContain('warning-areas.json');
    expect(message).toContain(`rules[3] (id "${broken.id}")`);
    expect(message).toContain('evacuate');
  });
});
