import { describe, expect, it } from '@jest/globals';
import { listProblems, MAX_LISTED_PROBLEMS } from './problem-list';

const problems = (count: number) => Array.from({ length: count }, (_, i) => `entry ${i}: field "x" is wrong`);

describe('listProblems', () => {
  it('counts a single problem in the singular and lists it', () => {
    expect(listProblems('Invalid rules in config/rules', problems(1))).toBe('Invalid rules in config/rules: 1 problem\n  - entry 0: field "x" is wrong');
  });

  it.each([
    ['exactly the limit lists them all', MAX_LISTED_PROBLEMS, MAX_LISTED_PROBLEMS, undefined],
    ['one over the limit says one more problem', MAX_LISTED_PROBLEMS + 1, MAX_LISTED_PROBLEMS, '  ... and 1 more problem'],
    ['many over the limit says how many more', MAX_LISTED_PROBLEMS + 5, MAX_LISTED_PROBLEMS, '  ... and 5 more problems'],
  ] as const)('%s', (_case, count, listed, tail) => {
    const lines = listProblems('Invalid file f', problems(count)).split('\n');
    expect(lines[0]).toBe(`Invalid file f: ${count} problems`);
    expect(lines.filter((line) => line.startsWith('  - '))).toHaveLength(listed);
    expect(lines.at(-1)).toBe(tail ?? `  - entry ${count - 1}: field "x" is wrong`);
  });
});
