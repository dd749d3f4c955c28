import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/**
 * A request body or query that fails its DTO: one message naming every wrong field and what it must
 * be, and `field` naming the first, the same shape as the domain's own 400s.
 */
export function invalidRequest(errors: ValidationError[]): BadRequestException {
  const problems = errors.flatMap((e) => flatten(e, ''));
  const first = problems[0];
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: problems.map((p) => `${p.field}: ${p.text}`).join('; ') || 'the request is not valid',
    ...(first === undefined ? {} : { field: first.field }),
  });
}

function flatten(error: ValidationError, prefix: string): Array<{ field: string; text: string }> {
  const field = prefix === '' ? error.property : `${prefix}.${error.property}`;
  const own = Object.values(error.constraints ?? {}).map((text) => ({ field, text }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}
