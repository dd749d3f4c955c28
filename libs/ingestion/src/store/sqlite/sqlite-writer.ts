import type { Arrival, Reading } from '@hydro/domain';
import type { Database } from 'better-sqlite3';
import type { StoredDeadLetter, TelemetryBatch } from '../reading-store';
import { type Params, UPSERT_ARRIVAL, UPSERT_DEAD_LETTER, UPSERT_READING } from './sqlite-queries';

/**
 * A batch is written in ONE transaction with three prepared upserts: it is stored whole or not at all
 * (unlike InfluxDB's partial write), and with synchronous=FULL it is on disk when the function returns.
 * IMMEDIATE takes the write lock at BEGIN, so a lock held by another process fails fast (SQLITE_BUSY after
 * busy_timeout) instead of midway. Within a batch the last copy of an identity wins, as on InfluxDB.
 */
export type BatchWriter = (batch: TelemetryBatch) => void;

export function batchWriter(db: Database): BatchWriter {
  const reading = db.prepare<[Params]>(UPSERT_READING);
  const arrival = db.prepare<[Params]>(UPSERT_ARRIVAL);
  const deadLetter = db.prepare<[Params]>(UPSERT_DEAD_LETTER);
  const transaction = db.transaction((batch: TelemetryBatch): void => {
    for (const each of batch.readings) reading.run(readingParams(each));
    for (const each of batch.arrivals) arrival.run(arrivalParams(each));
    for (const each of batch.deadLetters) deadLetter.run(deadLetterParams(each));
  });
  return (batch) => transaction.immediate(batch);
}

/** No note is NULL, so a correction to good clears the old note (the upsert sets qc too). */
function readingParams(r: Reading): Params {
  const note = r.qualityNote === undefined || r.qualityNote === '' ? null : r.qualityNote;
  return { station: r.stationId, element: r.element, observedAt: r.observedAt, value: r.value, quality: r.quality, qc: note };
}

/** Only an explicit false is an added report: an arrival without the flag counts, like the rows stored before it existed. */
function arrivalParams(a: Arrival): Params {
  return { station: a.stationId, channel: a.channel, observedAt: a.observedAt, receivedAt: a.receivedAt, onSchedule: a.onSchedule === false ? 0 : 1 };
}

function deadLetterParams(d: StoredDeadLetter): Params {
  return { serial: d.serial, reason: d.reason, topic: d.topic, payload: d.payload, detail: d.detail, receivedAt: d.receivedAt };
}
