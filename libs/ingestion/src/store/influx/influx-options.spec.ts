import { DEFAULT_TIMEOUT_MS, validateInfluxOptions } from './influx-options';

const base = { url: 'http://127.0.0.1:8086', database: 'hydro' };

describe('InfluxDB store options', () => {
  it('fills in the default timeout', () => {
    expect(validateInfluxOptions(base).timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
  });

  it('accepts a retention policy with an InfluxQL duration', () => {
    for (const duration of ['30d', '104w', '1h30m', 'INF']) {
      expect(() => validateInfluxOptions({ ...base, retentionPolicy: { name: 'rp', duration } })).not.toThrow();
    }
  });

  it.each([
    [{ ...base, url: 'influx:8086' }, /http or https/],
    [{ ...base, url: 'not a url' }, /not a URL/],
    [{ ...base, url: 'http://h:8086/?db=x' }, /query/],
    [{ ...base, database: ' ' }, /database is empty/],
    [{ ...base, username: 'u' }, /together/],
    [{ ...base, token: 't', username: 'u', password: 'p' }, /alternatives/],
    [{ ...base, retentionPolicy: { name: 'rp', duration: '30 days' } }, /duration/],
    [{ ...base, retentionPolicy: { name: '', duration: '30d' } }, /name is empty/],
    [{ ...base, timeoutMs: 0 }, /timeoutMs/],
  ])('refuses %j', (options, message) => {
    expect(() => validateInfluxOptions(options)).toThrow(message);
  });
});
