/** What is wrong with a time in a request. */
export type TimeInputProblem = 'missing' | 'malformed' | 'empty-range' | 'range-too-long';

/**
 * A date, instant or range in a request cannot be used. The message says what to send instead; `field`
 * names the query parameter or body field so the HTTP layer can answer 400 pointing at it.
 */
export class TimeInputError extends Error {
  override readonly name = 'TimeInputError';

  constructor(
    readonly field: string,
    readonly problem: TimeInputProblem,
    message: string,
  ) {
    super(message);
  }
}
