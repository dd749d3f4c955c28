import { MAX_LISTED_PROBLEMS } from '../problems/problem-list';
import { StationRegistryError } from './station-registry.error';

describe('StationRegistryError', () => {
  it('names the file and lists a single problem', () => {
    const error = new StationRegistryError('config/stations.json', ['stations[3] (id "70500001"): kind must be …']);

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StationRegistryError');
    expect(error.message).toBe(
      'Invalid station registry config/stations.json: 1 problem\n  - stations[3] (id "70500001"): kind must be …',
    );
  });

  it(`lists at most ${MAX_LISTED_PROBLEMS} problems but keeps them all`, () => {
    const problems = Array.from({ length: MAX_LISTED_PROBLEMS + 1 }, (_, i) => `problem ${i}`);
    const error = new StationRegistryError('stations.json', problems);

    expect(error.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(error.message).toContain(`problem ${MAX_LISTED_PROBLEMS - 1}\n  ... and 1 more problem`);
    expect(error.message).not.toContain(`problem ${MAX_LISTED_PROBLEMS}\n`);
  });

  it('keeps the cause', () => {
    const cause = new SyntaxError('Unexpected token');

    expect(new StationRegistryError('x.json', ['not valid JSON'], { cause }).cause).toBe(cause);
  });
});
