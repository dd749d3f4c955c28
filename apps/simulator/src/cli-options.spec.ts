import { CommanderError } from 'commander';
import { parseCliOptions } from './cli-options';

const quiet = (program: import('commander').Command): void => {
  program.exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
};

describe('parseCliOptions', () => {
  it('defaults to the typhoon from 21 September 2023, 08:00 Beijing time, at an hour a minute', () => {
    expect(parseCliOptions([], quiet)).toEqual({
      scenario: 'typhoon',
      speed: 60,
      seed: 1,
      start: Date.parse('2023-09-21T00:00:00Z'),
      durationHours: 72,
      url: 'mqtt://127.0.0.1:1883',
      stationsFile: 'config/stations.json',
      connections: 2,
      window: 256,
      progressEveryMs: 5000,
      tickMs: 200,
    });
  });

  it('reads every option', () => {
    const options = parseCliOptions(
      ['--scenario', 'garbage', '--speed', '3600', '--seed', '-7', '--start', '2024-06-01T00:00:00Z', '--duration', '1.5', '--url', 'mqtt://broker:1884',
        '--stations', '/tmp/s.json', '--max-messages', '1000', '--connections', '4', '--window', '64', '--username', 'simulator', '--progress-every', '2'],
      quiet,
    );
    expect(options).toMatchObject({
      scenario: 'garbage', speed: 3600, seed: -7, start: Date.parse('2024-06-01T00:00:00Z'), durationHours: 1.5, url: 'mqtt://broker:1884',
      stationsFile: '/tmp/s.json', maxMessages: 1000, connections: 4, window: 64, username: 'simulator', progressEveryMs: 2000,
    });
  });

  it.each([
    [['--scenario', 'flood']],
    [['--speed', '0']],
    [['--seed', '1.5']],
    [['--start', '2023-09-21T08:00:00']],
    [['--max-messages', '-1']],
  ])('refuses %j', (argv) => {
    expect(() => parseCliOptions(argv, quiet)).toThrow(CommanderError);
  });
});
