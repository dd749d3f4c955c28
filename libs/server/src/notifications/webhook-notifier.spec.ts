import { afterEach, describe, expect, it } from '@jest/globals';
import type { Alert, AlertEvent } from '@hydro/domain';
import { Registry } from 'prom-client';
import { Subject } from 'rxjs';
import type { StoredAlertEvent } from '../alerts/alert-desk';
import { levelEvent, recordingLog, T0, webhook } from './__fixtures__/notification-fixtures';
import { WebhookReceiver } from './__fixtures__/webhook-receiver';
import type { WebhookPayload } from './webhook-payload';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from './webhook-signature';
import { WebhookNotifier } from './webhook-notifier';

const SECRET = 'a-secret-of-at-least-16-chars';
/** Fast retries: the specs are about order, signatures and logging, not about waiting. */
const QUICK = { retry: { initialMs: 5, maxMs: 20 }, maxAttempts: 5, timeoutMs: 2_000 };
const clock = { now: () => Date.now() };

const RAISED = levelEvent();
const ESCALATED = levelEvent({ type: 'escalated', severity: 'red', previousSeverity: 'yellow', at: T0 + 60_000, observedAt: T0 + 40_000 });
const LOWERED = levelEvent({ type: 'deescalated', severity: 'orange', previousSeverity: 'red', at: T0 + 120_000, observedAt: T0 + 100_000 });
const RESOLVED = levelEvent({ type: 'resolved', severity: 'orange', state: 'resolved', at: T0 + 180_000, observedAt: T0 + 160_000 });
const CLOSED = levelEvent({ type: 'closed', severity: 'orange', state: 'resolved', acknowledged: true, at: T0 + 200_000 });
const HISTORY: readonly AlertEvent[] = [RAISED, ESCALATED, LOWERED, RESOLVED];

const payloadOf = (body: string): WebhookPayload => JSON.parse(body) as WebhookPayload;
const delivered = (receiver: WebhookReceiver, path: string): WebhookPayload[] => receiver.on(path).filter((r) => r.status === 200).map((r) => payloadOf(r.body));

describe('WebhookNotifier', () => {
  let receiver: WebhookReceiver | undefined;
  let notifier: WebhookNotifier | undefined;

  afterEach(async () => {
    await notifier?.stop();
    await receiver?.close();
  });

  function feed(transitions: Subject<StoredAlertEvent>, events: readonly AlertEvent[], firstSeq = 1): void {
    events.forEach((event, i) => transitions.next({ seq: firstSeq + i, event }));
  }

  it('retries a failing receiver with backoff and delivers every transition in order, signed, logging each attempt', async () => {
    receiver = await WebhookReceiver.start((path, index) => (path === '/duty' && index < 2 ? 503 : 200));
    const transitions = new Subject<StoredAlertEvent>();
    const log = recordingLog();
    const registry = new Registry();
    const duty = webhook({ id: 'duty', url: receiver.url('/duty'), secret: SECRET, locale: 'en' });
    notifier = new WebhookNotifier(transitions, [duty], { clock, delivery: QUICK }, log, registry);
    notifier.start();

    feed(transitions, HISTORY);
    await receiver.until(() => delivered(receiver!, '/duty').length === HISTORY.length);
    // The receiver records a request before its answer reaches the notifier: let the last attempt finish.
    await notifier.stop(1_000);

    const requests = receiver.on('/duty');
    expect(requests.map((r) => [payloadOf(r.body).seq, r.status, r.headers['x-hydro-attempt']])).toEqual([
      [1, 503, '1'],
      [1, 503, '2'],
      [1, 200, '3'],
      [2, 200, '1'],
      [3, 200, '1'],
      [4, 200, '1'],
    ]);
    expect(delivered(receiver, '/duty').map((p) => p.event.type)).toEqual(['raised', 'escalated', 'deescalated', 'resolved']);
    // Without a lookup of the current alert, the payload carries the transition alone.
    expect(delivered(receiver, '/duty')[0]).not.toHaveProperty('alert');
    expect(delivered(receiver, '/duty')[0]!.locale).toBe('en');
    for (const request of requests) {
      const timestamp = String(request.headers[TIMESTAMP_HEADER]);
      expect(verifyWebhookSignature(SECRET, timestamp, request.body, String(request.headers[SIGNATURE_HEADER]), Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifyWebhookSignature('another-secret-entirely', timestamp, request.body, String(request.headers[SIGNATURE_HEADER]), Math.floor(Date.now() / 1000))).toBe(false);
    }

    const attempts = log.lines.filter((line) => line.message.startsWith('webhook duty: alert '));
    expect(attempts).toHaveLength(requests.length);
    expect(attempts.map((line) => line.level)).toEqual(['warn', 'warn', 'log', 'log', 'log', 'log']);
    expect(attempts[0]!.message).toMatch(/^webhook duty: alert 20240915T003000Z-0123456789abcdef seq 1 \(raised\) attempt 1\/5: HTTP 503 in \d+ ms$/);
    expect(attempts[2]!.message).toMatch(/seq 1 \(raised\) attempt 3\/5: HTTP 200 in \d+ ms$/);
    expect(attempts[5]!.message).toMatch(/seq 4 \(resolved\) attempt 1\/5: HTTP 200 in \d+ ms$/);
    const counted = await registry.getSingleMetric('hydro_webhook_attempts_total')!.get();
    expect(Object.fromEntries(counted.values.map((v) => [`${v.labels['webhook']}/${v.labels['outcome']}`, v.value]))).toEqual({ 'duty/http_error': 2, 'duty/delivered': 4 });
  });

  it('sends the transition with the alert as it stands and the message in both languages', async () => {
    receiver = await WebhookReceiver.start();
    const transitions = new Subject<StoredAlertEvent>();
    const current = { id: RAISED.alertId, severity: 'yellow', peakSeverity: 'yellow' } as unknown as Alert;
    notifier = new WebhookNotifier(
      transitions,
      [webhook({ id: 'duty', url: receiver.url('/duty') })],
      { clock, delivery: QUICK, alertOf: (id) => (id === RAISED.alertId ? current : undefined), names: (id) => (id === '70600002' ? '温州站' : undefined) },
      recordingLog(),
    );
    notifier.start();
    feed(transitions, [RAISED]);
    await receiver.until((requests) => requests.length === 1);

    const [request] = receiver.requests;
    const payload = payloadOf(request!.body);
    expect(Object.keys(payload)).toEqual(['seq', 'event', 'alert', 'locale', 'message']);
    expect([payload.seq, payload.event, payload.alert, payload.locale]).toEqual([1, RAISED, current, 'zh-CN']);
    expect(payload.message['zh-CN'].title).toBe('【超警戒水位·黄色】鹿城区温州站');
    expect(payload.message.en.title).toBe('[Above warning level, yellow (III)] 温州站, Lucheng');
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request!.headers[SIGNATURE_HEADER]).toBeUndefined();
    expect(request!.headers['x-hydro-delivery']).toBe('duty-1');
  });

  it('sends nothing to a webhook whose kinds or colours do not match', async () => {
    receiver = await WebhookReceiver.start();
    const transitions = new Subject<StoredAlertEvent>();
    const hooks = [
      webhook({ id: 'all', url: receiver.url('/all') }),
      webhook({ id: 'maintainers', url: receiver.url('/maintainers'), kinds: ['station_offline', 'battery_low'] }),
      webhook({ id: 'blue-only', url: receiver.url('/blue-only'), severities: ['blue'] }),
    ];
    notifier = new WebhookNotifier(transitions, hooks, { clock, delivery: QUICK }, recordingLog());
    notifier.start();
    feed(transitions, HISTORY);
    await receiver.until(() => delivered(receiver!, '/all').length === HISTORY.length);
    await notifier.stop(1_000);

    expect(receiver.on('/maintainers')).toEqual([]);
    expect(receiver.on('/blue-only')).toEqual([]);
  });

  it('follows an alert to its end once a webhook has been sent one of its transitions', async () => {
    receiver = await WebhookReceiver.start();
    const transitions = new Subject<StoredAlertEvent>();
    notifier = new WebhookNotifier(transitions, [webhook({ id: 'red', url: receiver.url('/red'), severities: ['red'] })], { clock, delivery: QUICK }, recordingLog());
    notifier.start();
    feed(transitions, [...HISTORY, CLOSED]);
    // A second alert on the same gauge, raised yellow after the first closed: the red webhook is not following it.
    feed(transitions, [levelEvent({ alertId: '20240915T010000Z-fedcba9876543210', at: T0 + 300_000 })], 6);
    await receiver.until(() => delivered(receiver!, '/red').length === 4);
    await notifier.stop(1_000);

    expect(delivered(receiver, '/red').map((p) => [p.seq, p.event.type, p.event.severity])).toEqual([
      [2, 'escalated', 'red'],
      [3, 'deescalated', 'orange'],
      [4, 'resolved', 'orange'],
      [5, 'closed', 'orange'],
    ]);
  });

  it('follows an alert whose peak colour it lists, as after a restart when nothing was sent yet', async () => {
    receiver = await WebhookReceiver.start();
    const transitions = new Subject<StoredAlertEvent>();
    const peakedRed = { id: RESOLVED.alertId, severity: 'orange', peakSeverity: 'red' } as unknown as Alert;
    notifier = new WebhookNotifier(transitions, [webhook({ id: 'red', url: receiver.url('/red'), severities: ['red'] })], { clock, delivery: QUICK, alertOf: () => peakedRed }, recordingLog());
    notifier.start();
    feed(transitions, [RESOLVED], 40);
    await receiver.until(() => delivered(receiver!, '/red').length === 1);
    expect(delivered(receiver, '/red').map((p) => p.seq)).toEqual([40]);
  });

  it('hands transitions over without waiting for any delivery', async () => {
    receiver = await WebhookReceiver.start(() => 'hang');
    const transitions = new Subject<StoredAlertEvent>();
    notifier = new WebhookNotifier(transitions, [webhook({ id: 'slow', url: receiver.url('/slow') })], { clock, delivery: { ...QUICK, queueLimit: 2 } }, recordingLog());
    notifier.start();
    const started = performance.now();
    feed(transitions, HISTORY);
    expect(performance.now() - started).toBeLessThan(100);
    await receiver.until((requests) => requests.length === 1);
    expect(notifier.depths()).toEqual(new Map([['slow', 2]]));
  });
});
