import type { ValidationError } from 'class-validator';

/** Flattens class-validator's error tree into `path: message` lines a person can act on. */
export function validationProblems(errors: readonly ValidationError[], parent = ''): string[] {
  const problems: string[] = [];
  for (const error of errors) {
    const path = parent === '' ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    for (const message of Object.values(error.constraints ?? {})) {
      problems.push(message.startsWith(error.property) ? `${parent === '' ? '' : `${parent}.`}${message}` : `${path}: ${message}`);
    }
    if (error.children && error.children.length > 0) problems.push(...validationProblems(error.children, path));
  }
  return problems;
}
