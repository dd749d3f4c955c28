import { BadRequestException } from '@nestjs/common';
import { IsString, Length, validateSync } from 'class-validator';
import { invalidRequest } from './invalid-request';

class Window {
  @IsString() @Length(1, 10, { message: 'reason must say why, in 1 to 10 characters' })
  reason!: string;

  @IsString({ message: 'until is required' })
  until!: string;
}

describe('invalidRequest', () => {
  it('names every wrong field in one message and the first in field', () => {
    const errors = validateSync(Object.assign(new Window(), { reason: '' }));
    const answer = invalidRequest(errors);
    expect(answer).toBeInstanceOf(BadRequestException);
    expect(answer.getResponse()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'reason: reason must say why, in 1 to 10 characters; until: until is required',
      field: 'reason',
    });
  });
});
