import { isWritableTime } from '../../time/beijing-time';
import type { AlertDetails, JsonValue } from '../alert-outcome';

/**
 * Typed, forgiving reads of an alert's `details`. Details are plain JSON from the event log, written
 * by evaluators of several versions: a missing or mistyped key yields undefined, so a message leaves
 * that phrase out instead of failing or printing "undefined".
 */
export class DetailsReader {
  constructor(readonly details: AlertDetails) {}

  number(key: string): number | undefined {
    const value = this.details[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  /** A number that can be written as a Beijing time: a corrupt one is left out rather than failing the message. */
  time(key: string): number | undefined {
    const value = this.number(key);
    return value !== undefined && isWritableTime(value) ? value : undefined;
  }

  text(key: string): string | undefined {
    const value = this.details[key];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }

  flag(key: string): boolean | undefined {
    const value = this.details[key];
    return typeof value === 'boolean' ? value : undefined;
  }

  /** The strings of an array (other entries skipped); empty when absent. */
  texts(key: string): string[] {
    const value = this.details[key];
    return isList(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
  }

  /** The object entries of an array, each as a reader; empty when absent. */
  records(key: string): DetailsReader[] {
    const value = this.details[key];
    return isList(value) ? value.filter(isRecord).map((item) => new DetailsReader(item)) : [];
  }

  /** A nested object as a reader, if there is one. */
  record(key: string): DetailsReader | undefined {
    const value = this.details[key];
    return isRecord(value) ? new DetailsReader(value) : undefined;
  }
}

function isList(value: JsonValue | undefined): value is readonly JsonValue[] {
  return Array.isArray(value);
}

function isRecord(value: JsonValue | undefined): value is { readonly [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
