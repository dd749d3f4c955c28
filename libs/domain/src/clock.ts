/** The one source of "now" (epoch ms). Domain code takes it as a parameter so tests run on virtual time. */
export interface Clock {
  now(): number;
}
