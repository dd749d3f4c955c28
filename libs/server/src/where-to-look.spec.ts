import { resolve } from 'node:path';
import { loadEnvironment } from './config/load-environment';
import { whereToLook } from './where-to-look';

describe('whereToLook', () => {
  it('names the HTTP address, the embedded broker, the data directory and the simulator', () => {
    const lines = whereToLook(loadEnvironment({ DATA_DIR: 'run/data', SIMULATE: 'typhoon', SIMULATE_SPEED: '600', MQTT_BROKER_PORT: '2883' }), 3100);
    expect(lines).toContain('HTTP: http://127.0.0.1:3100 (/health, /ready, /metrics; the API under /api needs a bearer token, see docs/api.md; set HYDRO_ADMIN_TOKEN for a first admin token)');
    expect(lines).toContain('stations publish to the embedded broker at mqtt://127.0.0.1:2883, topic hydro/v1/telemetry/{station id}');
    expect(lines).toContain(`data: ${resolve('run/data')} (SQLite store, spool)`);
    expect(lines).toContain('simulator: typhoon at ×600');
  });

  it('names an external broker without its password, and InfluxDB', () => {
    const lines = whereToLook(loadEnvironment({ MQTT_URL: 'mqtt://user:secret@broker.example:1883', INFLUX_URL: 'http://influx.example:8086', HTTP_HOST: '10.0.0.5', HYDRO_ADMIN_TOKEN: 'an-admin-token-of-twenty-chars' }), 3000);
    expect(lines.join('\n')).not.toContain('secret');
    expect(lines).toContain('stations publish to mqtt://***@broker.example:1883, topic hydro/v1/telemetry/{station id}');
    expect(lines[0]).toBe('HTTP: http://10.0.0.5:3000 (/health, /ready, /metrics; the API under /api needs a bearer token, see docs/api.md)');
    expect(lines[2]).toMatch(/^data: InfluxDB http:\/\/influx.example:8086 database hydro; spool in /);
  });
});
