import { describe, expect, it } from '@jest/globals';
import { breach, HOUR, LAG, MINUTE, noData, normal, OU_RIVER_LEVEL, SILENT_RAIN_GAUGE, T0 } from './__fixtures__/alert-fixtures';
import { AlertAlreadyAcknowledgedError } from './alert-already-acknowledged.error';
import { AlertBook, type AlertBookOptions } from './alert-book';
import type { AlertEvent } from './alert-event';
import { AlertNotFoundError } from './alert-not-found.error';
import type { AlertPolicy } from './alert-policy';
import type { AlertSubject } from './alert-subject';

const POLICY: AlertPolicy = { clearingDelayMs: 0, renotifyAfterMs: 15 * MINUTE };
const bookWith = (options: Partial<AlertBookOptions> = {}) => new AlertBook({ policyFor: () => POLICY, ...options });
const FEIYUN_LEVEL: AlertSubject = { ...OU_RIVER_LEVEL, subjectId: '70600007', stationIds: ['70600007'], district: 'ruian', basin: 'feiyun' };
const types = (events: readonly AlertEvent[]) => events.map((event) => event.type);

describe('AlertBook', () => {
  describe('raising', () => {
    it('raises one alert per rule and subject while the condition lasts', () => {
      const book = bookWith();
      const raised = book.observe(OU_RIVER_LEVEL, breach('yellow', T0), T0 + LAG);
      expect(raised).toEqual([
        expect.objectContaining({ type: 'raised', at: T0 + LAG, observedAt: T0, severity: 'yellow', state: 'active', acknowledged: false, ruleId: OU_RIVER_LEVEL.ruleId, subjectId: '70600002', district: 'lucheng', basin: 'ou' }),
      ]);
      expect(book.observe(OU_RIVER_LEVEL, breach('yellow', T0 + 5 * MINUTE), T0 + 5 * MINUTE + LAG)).toEqual([]);
      expect(book.list()).toHaveLength(1);
      expect(book.openFor(OU_RIVER_LEVEL.ruleId, OU_RIVER_LEVEL.subjectId)?.id).toBe(raised[0]!.alertId);
    });

    it.each([
      ['another subject of the same rule', FEIYUN_LEVEL],
      ['another rule on the same subject', { ...OU_RIVER_LEVEL, ruleId: 'rate-of-rise-ou', kind: 'rate_of_rise' } as const],
    ])('keeps a separate alert for %s', (_case, other) => {
      const book = bookWith();
      book.observe(OU_RIVER_LEVEL, breach('yellow', T0), T0 + LAG);
      expect(types(book.observe(other, breach('yellow', T0), T0 + LAG))).toEqual(['raised']);
      expect(book.openCount).toBe(2);
    });

    it.each([
      ['a normal outcome', normal(T0)],
      ['no data', noData(T0)],
    ])('raises nothing on %s', (_case, outcome) => {
      const book = bookWith();
      expect(book.observe(OU_RIVER_LEVEL, outcome, T0 + LAG)).toEqual([]);
      expect(book.list({ includeClosed: true })).toEqual([]);
    });

    it('gives the same ids when the same readings are fed again', () => {
      const feed = () => {
        const book = bookWith();
        book.observe(OU_RIVER_LEVEL, breach('yellow', T0), T0 + LAG);
        book.observe(OU_RIVER_LEVEL, normal(T0 + MINUTE), T0 + MINUTE + LAG);
        book.observe(OU_RIVER_LEVEL, breach('orange', T0 + 2 * MINUTE), T0 + 2 * MINUTE + 7 * LAG);
        return book.list().map((alert) => alert.id);
      };
      expect(feed()).toHaveLength(2);
      expect(feed()).toEqual(feed());
    });
  });

  describe('after resolution', () => {
    const resolvedBook = () => {
      const book = bookWith();
      const [raised] = book.observe(OU_RIVER_LEVEL, breach('orange', T0), T0 + LAG);
      book.observe(OU_RIVER_LEVEL, normal(T0 + 30 * MINUTE), T0 + 30 * MINUTE + LAG);
      return { book, firstId: raised!.alertId };
    };

    it('raises a new alert with a new id on the next breach, and keeps the old one visible until acknowledged', () => {
      const { book, firstId } = resolvedBook();
      const [raised] = book.observe(OU_RIVER_LEVEL, breach('yellow', T0 + 50 * MINUTE), T0 + 50 * MINUTE + LAG);
      expect(raised?.type).toBe('raised');
      expect(raised?.alertId).not.toBe(firstId);
      expect(book.list().map((alert) => [alert.id, alert.state])).toEqual([
        [firstId, 'resolved'],
        [raised!.alertId, 'active'],
      ]);
      expect(types(book.acknowledge(firstId, 'duty-forecaster-li', undefined, T0 + 2 * HOUR))).toEqual(['acknowledged', 'closed']);
      expect(book.list().map((alert) => alert.id)).toEqual([raised!.alertId]);
      expect(book.list({ includeClosed: true })).toHaveLength(2);
    });

    it.each([
      ['ignores a late breach at the episode’s peak observed before the resolution: that episode is over', T0 + 20 * MINUTE, []],
      ['ignores a late breach at the episode’s peak observed exactly at the resolution', T0 + 30 * MINUTE, []],
      ['raises for a breach observed 1 ms after the resolution', T0 + 30 * MINUTE + 1, ['raised']],
    ])('%s', (_case, observedAt, expected) => {
      const { book } = resolvedBook();
      expect(types(book.observe(OU_RIVER_LEVEL, breach('orange', observedAt), T0 + HOUR))).toEqual(expected);
    });
  });

  describe('maintenance suppression', () => {
    const window = { from: T0 + HOUR, to: T0 + 3 * HOUR };
    const underMaintenance = (stationIds: readonly string[], at: number) => stationIds.includes('70600002') && at >= window.from && at < window.to;

    it.each([
      ['raises for a breach observed 1 ms before the maintenance window', window.from - 1, ['raised']],
      ['raises nothing for a breach observed at the window start', window.from, []],
      ['raises nothing for a breach observed 1 ms before the window end', window.to - 1, []],
      ['raises for a breach observed at the window end', window.to, ['raised']],
    ])('%s', (_case, observedAt, expected) => {
      const book = bookWith({ isSuppressed: underMaintenance });
      expect(types(book.observe(OU_RIVER_LEVEL, breach('red', observedAt), observedAt + LAG))).toEqual(expected);
    });

    it('asks about all the stations of the subject', () => {
      const asked: (readonly string[])[] = [];
      const book = bookWith({ isSuppressed: (stationIds) => (asked.push(stationIds), true) });
      const venue: AlertSubject = { ruleId: 'venue-band', kind: 'venue_band', subjectId: 'dragon-boat-venue', stationIds: ['70800011', '70800012'] };
      expect(book.observe(venue, breach('yellow', T0), T0 + LAG)).toEqual([]);
      expect(asked).toEqual([['70800011', '70800012']]);
    });

    it('lets an alert open before maintenance follow its outcomes: it escalates and only normal data resolves it', () => {
      const book = bookWith({ isSuppressed: underMaintenance, policyFor: () => ({ clearingDelayMs: 30 * MINUTE }) });
      book.observe(OU_RIVER_LEVEL, breach('yellow', window.from - MINUTE), window.from - MINUTE + LAG);
      expect(types(book.observe(OU_RIVER_LEVEL, breach('orange', window.from + MINUTE), window.from + MINUTE + LAG))).toEqual(['escalated']);
      expect(types(book.observe(OU_RIVER_LEVEL, noData(window.from + MINUTE), window.from + HOUR))).toEqual(['stale']);
      expect(book.openFor(OU_RIVER_LEVEL.ruleId, OU_RIVER_LEVEL.subjectId)?.state).toBe('active');
      book.observe(OU_RIVER_LEVEL, normal(window.from + 61 * MINUTE), window.from + 61 * MINUTE);
      expect(types(book.observe(OU_RIVER_LEVEL, normal(window.from + 91 * MINUTE), window.from + 91 * MINUTE))).toEqual(['resolved']);
    });
  });

  describe('acknowledging', () => {
    it('throws AlertNotFoundError for an id it does not hold', () => {
      expect(() => bookWith().acknowledge('20240915T000000Z-0000000000000000', 'duty-forecaster-li', undefined, T0)).toThrow(AlertNotFoundError);
    });

    it('moves an open alert to acknowledged and refuses a second acknowledgement', () => {
      const book = bookWith();
      const [raised] = book.observe(OU_RIVER_LEVEL, breach('yellow', T0), T0 + LAG);
      expect(types(book.acknowledge(raised!.alertId, 'duty-forecaster-li', 'on it', T0 + MINUTE))).toEqual(['acknowledged']);
      expect(book.get(raised!.alertId)?.state).toBe('acknowledged');
      expect(book.list({ state: 'acknowledged' }).map((alert) => alert.id)).toEqual([raised!.alertId]);
      expect(() => book.acknowledge(raised!.alertId, 'duty-forecaster-wang', undefined, T0 + 2 * MINUTE)).toThrow(AlertAlreadyAcknowledgedError);
    });
  });

  describe('tick', () => {
    it('re-notifies each unacknowledged alert once, exactly at its edge', () => {
      const book = bookWith();
      const [ou] = book.observe(OU_RIVER_LEVEL, breach('yellow', T0), T0);
      const [feiyun] = book.observe(FEIYUN_LEVEL, breach('yellow', T0), T0 + MINUTE);
      expect(book.tick(T0 + 15 * MINUTE - 1)).toEqual([]);
      expect(book.tick(T0 + 15 * MINUTE).map((event) => [event.type, event.alertId])).toEqual([['renotified', ou!.alertId]]);
      expect(book.tick(T0 + 16 * MINUTE).map((event) => [event.type, event.alertId])).toEqual([['renotified', feiyun!.alertId]]);
      expect(book.tick(T0 + 10 * HOUR)).toEqual([]);
      expect(book.get(ou!.alertId)?.renotifiedAt).toBe(T0 + 15 * MINUTE);
    });

    it('re-notifies again after an escalation, and not after an acknowledgement', () => {
      const book = bookWith();
      const [raised] = book.observe(OU_RIVER_LEVEL, breach('yellow', T0), T0);
      book.tick(T0 + 15 * MINUTE);
      book.observe(OU_RIVER_LEVEL, breach('red', T0 + 20 * MINUTE), T0 + 20 * MINUTE);
      expect(types(book.tick(T0 + 35 * MINUTE))).toEqual(['renotified']);
      book.observe(OU_RIVER_LEVEL, breach('red', T0 + 36 * MINUTE), T0 + 36 * MINUTE);
      book.acknowledge(raised!.alertId, 'duty-leader-chen', undefined, T0 + 37 * MINUTE);
      expect(book.tick(T0 + 10 * HOUR)).toEqual([]);
    });
  });

  describe('forgetClosed', () => {
    it.each([
      ['forgets an alert closed 1 ms before the cutoff', 1, 1],
      ['keeps an alert closed exactly at the cutoff', 0, 0],
    ])('%s', (_case, after, forgotten) => {
      const book = bookWith();
      const [raised] = book.observe(SILENT_RAIN_GAUGE, breach('blue', T0), T0);
      book.observe(SILENT_RAIN_GAUGE, normal(T0 + MINUTE), T0 + MINUTE);
      const closedAt = T0 + HOUR;
      book.acknowledge(raised!.alertId, 'maintainer-zhou', 'antenna refitted', closedAt);
      expect(book.forgetClosed(closedAt + after)).toBe(forgotten);
      expect(book.get(raised!.alertId) === undefined).toBe(forgotten === 1);
    });

    it('answers "not found" rather than "already acknowledged" once an alert is forgotten', () => {
      const book = bookWith();
      const [raised] = book.observe(SILENT_RAIN_GAUGE, breach('blue', T0), T0);
      book.acknowledge(raised!.alertId, 'maintainer-zhou', undefined, T0 + MINUTE);
      book.observe(SILENT_RAIN_GAUGE, normal(T0 + 2 * MINUTE), T0 + 2 * MINUTE);
      expect(() => book.acknowledge(raised!.alertId, 'maintainer-wu', undefined, T0 + HOUR)).toThrow(AlertAlreadyAcknowledgedError);
      book.forgetClosed(T0 + HOUR);
      expect(() => book.acknowledge(raised!.alertId, 'maintainer-wu', undefined, T0 + HOUR)).toThrow(AlertNotFoundError);
    });

    it('keeps open and resolved-unacknowledged alerts whatever the cutoff', () => {
      const book = bookWith();
      book.observe(SILENT_RAIN_GAUGE, breach('blue', T0), T0);
      book.observe(SILENT_RAIN_GAUGE, normal(T0 + MINUTE), T0 + MINUTE);
      book.observe(OU_RIVER_LEVEL, breach('red', T0), T0);
      expect(book.forgetClosed(Number.POSITIVE_INFINITY)).toBe(0);
      expect(book.list().map((alert) => alert.state).sort()).toEqual(['active', 'resolved']);
    });
  });
});
