import { describe, expect, it } from '@jest/globals';
import { MAX_LISTED_PROBLEMS } from '../../problems/problem-list';
import { describeRuleConfigProblem } from './rule-config-problem';
import { RuleConfigError } from './rule-config.error';

describe('describeRuleConfigProblem', () => {
  it.each([
    { problem: { file: 'venues.json', index: 2, id: 'venue-a', field: 'max', message: 'must be above min (2.7); got 2.6' }, text: 'venues.json: rules[2] (id "venue-a"): max must be above min (2.7); got 2.6' },
    { problem: { file: 'venues.json', index: 2, message: 'must be an object, got 5' }, text: 'venues.json: rules[2]: must be an object, got 5' },
    { problem: { file: 'venues.json', field: 'version', message: 'must be 1, got 2' }, text: 'venues.json: version must be 1, got 2' },
    { problem: { file: 'extra.json', message: 'is not a rule file' }, text: 'extra.json: is not a rule file' },
  ])('writes $text', ({ problem, text }) => {
    expect(describeRuleConfigProblem(problem)).toBe(text);
  });
});

describe('RuleConfigError', () => {
  it('names the source and lists a single problem', () => {
    const error = new RuleConfigError('config/rules', [{ file: 'venues.json', field: 'version', message: 'must be 1, got 2' }]);

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RuleConfigError');
    expect(error.message).toBe('Invalid flood rules in config/rules: 1 problem\n  - venues.json: version must be 1, got 2');
  });

  it(`lists at most ${MAX_LISTED_PROBLEMS} problems but keeps them all`, () => {
    const problems = Array.from({ length: MAX_LISTED_PROBLEMS + 2 }, (_, i) => ({ file: 'a.json', index: i, message: `problem ${i}` }));
    const error = new RuleConfigError('rules', problems);

    expect(error.problems).toHaveLength(MAX_LISTED_PROBLEMS + 2);
    expect(error.message).toContain(`problem ${MAX_LISTED_PROBLEMS - 1}\n  ... and 2 more problems`);
    expect(error.message).not.toContain(`problem ${MAX_LISTED_PROBLEMS}\n`);
  });
});
