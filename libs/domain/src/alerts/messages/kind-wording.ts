import type { DetailsReader } from './details-reader';
import type { MessageLocale, StationNames } from './message-locale';

/** What one kind's wording is given. */
export interface WordingContext {
  readonly details: DetailsReader;
  readonly locale: MessageLocale;
  /** The condition holds (the alert is not resolved): "above the warning level" rather than "warning level". */
  readonly breached: boolean;
  /** The time the details describe, epoch ms: durations in them (silent for 3 h) count to it. */
  readonly observedAt: number;
  readonly names: StationNames;
}

/** What one kind says about its details. */
export interface KindWording {
  /** The title's label when the details say more than the kind (山洪 立即转移, 超警戒水位); absent: the kind's word. */
  readonly label?: string;
  /** Whole sentences, each with its closing punctuation. */
  readonly sentences: readonly string[];
}

/** A station's registry name, or its code when the registry does not know it. */
export function stationName(stationId: string, context: Pick<WordingContext, 'names' | 'locale'>): string {
  return context.names(stationId) ?? (context.locale === 'en' ? `station ${stationId}` : `测站${stationId}`);
}

/** A list as each language writes one: 甲、乙 / `A, B`. */
export function listed(items: readonly string[], locale: MessageLocale): string {
  return items.join(locale === 'en' ? ', ' : '、');
}

/** `Xxx` for a sentence that starts with a reason written in lower case. */
export function capitalised(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
