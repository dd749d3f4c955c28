import type { Station } from '../stations/station';
import type { Element } from './element';
import { ELEMENT_UNITS } from './element';
import type { Quality } from './reading';

export interface QualityVerdict {
  readonly quality: Quality;
  readonly note?: string;
}

const GOOD: QualityVerdict = { quality: 'good' };

/**
 * Hard-limit check against the station's registry entry. A value outside the physically
 * possible range is kept as suspect, never dropped: a real record flood must not vanish.
 */
export function checkHardLimits(station: Station, element: Element, value: number): QualityVerdict {
  const limits = station.limits[element];
  if (!limits) return GOOD;
  const unit = ELEMENT_UNITS[element];
  if (value < limits.min) return { quality: 'suspect', note: `${element} ${value} ${unit} below hard limit ${limits.min} ${unit}` };
  if (value > limits.max) return { quality: 'suspect', note: `${element} ${value} ${unit} above hard limit ${limits.max} ${unit}` };
  return GOOD;
}
