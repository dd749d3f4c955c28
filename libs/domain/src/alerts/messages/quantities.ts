/**
 * How numbers read in alert messages. Levels keep two decimals (4.20 m, as gauge boards and bulletins
 * write them: centimetres matter against a warning level); rainfall keeps one decimal only when it has
 * one (112.5 mm, 100 mm), as tipping buckets count 0.1 or 0.5 mm.
 */

/** `4.20`: metres of water level, rise or distance. */
export function metres(value: number): string {
  return fixed(value, 2);
}

/** `112.5`, `100`: millimetres of rain. */
export function millimetres(value: number): string {
  return trimmed(value, 1);
}

/** `+4.0`, `-2.5`, `0.0`: a trend, always signed so a rise and a fall cannot be mistaken. */
export function signed(value: number, decimals: number): string {
  const text = fixed(value, decimals);
  return text.startsWith('-') || Number(text) === 0 ? text : `+${text}`;
}

/** Fixed decimals, never `-0.00`. */
export function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/** At most `decimals` decimals, trailing zeros dropped: `100`, `112.5`. */
export function trimmed(value: number, decimals: number): string {
  const text = fixed(value, decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
