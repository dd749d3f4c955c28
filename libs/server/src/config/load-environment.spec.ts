import { ConfigurationError, loadEnvironment } from './load-environment';

describe('loadEnvironment', () => {
  it('gives the documented defaults for an empty environment', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({
      HTTP_PORT: 3000,
      MQTT_BROKER_PORT: 1883,
      MQTT_SHARED_GROUP: '',
      MQTT_CONNECTIONS: 4,
      MQTT_IN_FLIGHT: 1000,
      INFLUX_DATABASE: 'hydro',
      INFLUX_BATCH_SIZE: 5000,
      SPOOL_MAX_BYTES: 1024 ** 3,
      MQTT_REJECT_UNAUTHORIZED: true,
    });
    expect(env.MQTT_USERNAME).toBeUndefined();
    // Unset means embedded: the broker and the store run in the process.
    expect(env.MQTT_URL).toBeUndefined();
    expect(env.INFLUX_URL).toBeUndefined();
  });

  it('converts numbers and booleans from strings', () => {
    const env = loadEnvironment({ HTTP_PORT: '8080', MQTT_REJECT_UNAUTHORIZED: 'false', INFLUX_BATCH_SIZE: '100' });
    expect([env.HTTP_PORT, env.MQTT_REJECT_UNAUTHORIZED, env.INFLUX_BATCH_SIZE]).toEqual([8080, false, 100]);
  });

  it('treats an empty MQTT_SHARED_GROUP as "no shared subscription", other empty values as unset', () => {
    const env = loadEnvironment({ MQTT_SHARED_GROUP: '', MQTT_USERNAME: '' });
    expect(env.MQTT_SHARED_GROUP).toBe('');
    expect(loadEnvironment({ MQTT_SHARED_GROUP: 'ingestors' }).MQTT_SHARED_GROUP).toBe('ingestors');
    expect(env.MQTT_USERNAME).toBeUndefined();
  });

  it('refuses to start naming every wrong variable and what it must be, hiding secrets', () => {
    let error: unknown;
    try {
      loadEnvironment({ HTTP_PORT: 'eighty', MQTT_URL: 'localhost:1883', INFLUX_PASSWORD: 42 as unknown as string, MQTT_CONNECTIONS: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain('HTTP_PORT="eighty"');
    expect(message).toContain('MQTT_URL="localhost:1883": must be a broker URL');
    expect(message).toContain('MQTT_CONNECTIONS=0: MQTT_CONNECTIONS must not be less than 1');
    expect(message).toContain('INFLUX_PASSWORD=(hidden)');
    expect(message).not.toContain('42');
  });

  it('refuses a reconnect ceiling below its floor', () => {
    expect(() => loadEnvironment({ MQTT_RECONNECT_MIN_MS: '5000', MQTT_RECONNECT_MAX_MS: '1000' })).toThrow(/MQTT_RECONNECT_MAX_MS must be at least/);
  });

  it('reads the simulator settings, off by default', () => {
    expect(loadEnvironment({}).SIMULATE).toBe('off');
    const env = loadEnvironment({ SIMULATE: 'typhoon', SIMULATE_SPEED: '600', SIMULATE_SEED: '7', SIMULATE_START: '2023-09-21T08:00:00+08:00', SIMULATE_HOURS: '1.5' });
    expect([env.SIMULATE, env.SIMULATE_SPEED, env.SIMULATE_SEED, env.SIMULATE_START, env.SIMULATE_HOURS]).toEqual(['typhoon', 600, 7, '2023-09-21T08:00:00+08:00', 1.5]);
  });

  it('refuses an unknown scenario, a speed that is not a number and a start without a UTC offset', () => {
    const attempt = (): unknown => loadEnvironment({ SIMULATE: 'tsunami', SIMULATE_SPEED: 'fast', SIMULATE_START: '2023-09-21T08:00:00' });
    expect(attempt).toThrow(/SIMULATE="tsunami": must be off or a scenario: calm, typhoon, outages, garbage/);
    expect(attempt).toThrow(/SIMULATE_SPEED="fast": .*must be a number/);
    expect(attempt).toThrow(/SIMULATE_START="2023-09-21T08:00:00": must carry a UTC offset/);
  });

  it('takes a CAP sender, and refuses one with a space (it would corrupt CAP references)', () => {
    expect(loadEnvironment({}).CAP_SENDER).toBe('hydro-centre@wenzhou.water.example');
    expect(loadEnvironment({ CAP_SENDER: 'sw@wzsl.example' }).CAP_SENDER).toBe('sw@wzsl.example');
    expect(() => loadEnvironment({ CAP_SENDER: 'water bureau' })).toThrow(/CAP_SENDER="water bureau": must be an identifier without spaces/);
  });
});
