import { afterEach, describe, expect, it } from '@jest/globals';
import { recordingLog, webhook } from './__fixtures__/notification-fixtures';
import { WebhookReceiver } from './__fixtures__/webhook-receiver';
import type { AttemptOutcome, DropReason, WebhookDeliveryCounts } from './webhook-metrics';
import { type WebhookDelivery, type WebhookDeliveryOptions, WebhookQueue } from './webhook-queue';

const clock = { now: () => Date.now() };
const QUICK: WebhookDeliveryOptions = { retry: { initialMs: 5, maxMs: 20 }, maxAttempts: 3, timeoutMs: 2_000, queueLimit: 100, clock };

function tally(): WebhookDeliveryCounts & { attempts: AttemptOutcome[]; drops: Array<[DropReason, number]> } {
  const attempts: AttemptOutcome[] = [];
  const drops: Array<[DropReason, number]> = [];
  return { attempts, drops, attempted: (_id, outcome) => attempts.push(outcome), dropped: (_id, reason, count = 1) => drops.push([reason, count]) };
}

const delivery = (seq: number): WebhookDelivery => ({ seq, alertId: `alert-${seq}`, eventType: 'raised', body: JSON.stringify({ seq }) });
const seqs = (receiver: WebhookReceiver, path: string): number[] => receiver.on(path).map((r) => (JSON.parse(r.body) as { seq: number }).seq);

describe('WebhookQueue', () => {
  let receiver: WebhookReceiver | undefined;
  let queue: WebhookQueue | undefined;

  afterEach(async () => {
    await queue?.stop();
    await receiver?.close();
  });

  function queueFor(path: string, options: Partial<WebhookDeliveryOptions> = {}, counts = tally(), log = recordingLog()): WebhookQueue {
    queue = new WebhookQueue(webhook({ id: 'hook', url: receiver!.url(path) }), { ...QUICK, ...options }, counts, log);
    return queue;
  }

  it.each([301, 400, 401, 404, 410, 422])('does not retry a refusal or a redirect (HTTP %d) and moves on to the next transition', async (status) => {
    receiver = await WebhookReceiver.start((_path, index) => (index === 0 ? status : 200));
    const counts = tally();
    const q = queueFor('/refusing', {}, counts);
    q.enqueue(delivery(1));
    q.enqueue(delivery(2));
    await receiver.until(() => receiver!.requests.length === 2);
    await q.stop(1_000);
    expect(seqs(receiver, '/refusing')).toEqual([1, 2]);
    expect(counts.drops).toEqual([['rejected', 1]]);
    expect(counts.attempts).toEqual(['http_error', 'delivered']);
  });

  it.each([408, 425, 429, 500, 502, 503])('retries HTTP %d', async (status) => {
    receiver = await WebhookReceiver.start((_path, index) => (index === 0 ? status : 200));
    const counts = tally();
    const q = queueFor('/flaky', {}, counts);
    q.enqueue(delivery(1));
    await receiver.until(() => receiver!.requests.length === 2);
    await q.stop(1_000);
    expect(counts.attempts).toEqual(['http_error', 'delivered']);
    expect(counts.drops).toEqual([]);
  });

  it('gives a transition up after the last attempt, logs it, and delivers the next one', async () => {
    receiver = await WebhookReceiver.start((_path, index) => (index < 3 ? 500 : 200));
    const counts = tally();
    const log = recordingLog();
    const q = queueFor('/down', { maxAttempts: 3 }, counts, log);
    q.enqueue(delivery(1));
    q.enqueue(delivery(2));
    await receiver.until(() => receiver!.requests.length === 4);
    await q.stop(1_000);
    expect(seqs(receiver, '/down')).toEqual([1, 1, 1, 2]);
    expect(counts.drops).toEqual([['gave_up', 1]]);
    expect(log.lines.filter((l) => l.level === 'error').map((l) => l.message)).toEqual(['webhook hook: gave up on alert alert-1 seq 1 (raised) after 3 attempts']);
  });

  it('retries after a receiver that does not answer in time', async () => {
    receiver = await WebhookReceiver.start((_path, index) => (index === 0 ? 'hang' : 200));
    const counts = tally();
    const log = recordingLog();
    const q = queueFor('/hanging', { timeoutMs: 200 }, counts, log);
    q.enqueue(delivery(1));
    await receiver.until(() => receiver!.requests.length === 2);
    await q.stop(1_000);
    expect(counts.attempts).toEqual(['timeout', 'delivered']);
    expect(log.lines[0]!.message).toMatch(/attempt 1\/3: no answer within 200 ms in \d+ ms$/);
  });

  it('counts a receiver that cannot be reached as a network error', async () => {
    receiver = await WebhookReceiver.start();
    const url = receiver.url('/gone');
    await receiver.close();
    const counts = tally();
    const log = recordingLog();
    queue = new WebhookQueue(webhook({ id: 'hook', url }), { ...QUICK, maxAttempts: 2 }, counts, log);
    queue.enqueue(delivery(1));
    await queue.stop(2_000);
    expect(counts.attempts).toEqual(['network_error', 'network_error']);
    expect(counts.drops).toEqual([['gave_up', 1]]);
    expect(log.lines[0]!.message).toMatch(/attempt 1\/2: failed: fetch failed: ECONNREFUSED in \d+ ms$/);
    receiver = undefined;
  });

  it('waits exponentially longer between attempts', async () => {
    receiver = await WebhookReceiver.start((_path, index) => (index < 3 ? 503 : 200));
    const times: number[] = [];
    const q = queueFor('/slow', { retry: { initialMs: 100, maxMs: 1_000 }, maxAttempts: 4, random: () => 1 });
    const started = Date.now();
    q.enqueue(delivery(1));
    await receiver.until(() => {
      while (times.length < receiver!.requests.length) times.push(Date.now() - started);
      return receiver!.requests.length === 4;
    });
    // With random() = 1 the delays are the ceilings: 100, 200, 400 ms.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(90);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(190);
    expect(times[3]! - times[2]!).toBeGreaterThanOrEqual(390);
  });

  it('drops the oldest waiting transition when full, logging and counting it, without waiting', async () => {
    receiver = await WebhookReceiver.start((_path, index) => (index === 0 ? 'hang' : 200));
    const counts = tally();
    const log = recordingLog();
    const q = queueFor('/full', { queueLimit: 2, timeoutMs: 300 }, counts, log);
    for (const seq of [1, 2, 3, 4, 5]) q.enqueue(delivery(seq));
    expect(q.depth).toBe(2);
    expect(counts.drops).toEqual([
      ['overflow', 1],
      ['overflow', 1],
    ]);
    expect(log.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
      'webhook hook: queue full (2), dropped alert alert-2 seq 2 (raised)',
      'webhook hook: queue full (2), dropped alert alert-3 seq 3 (raised)',
    ]);
    await receiver.until(() => receiver!.requests.filter((r) => r.status === 200).length === 3);
    expect(seqs(receiver, '/full')).toEqual([1, 1, 4, 5]);
  });

  it('abandons what is left at stop, counting it, and refuses new transitions', async () => {
    receiver = await WebhookReceiver.start(() => 'hang');
    const counts = tally();
    const q = queueFor('/stuck', { timeoutMs: 10_000 }, counts);
    q.enqueue(delivery(1));
    q.enqueue(delivery(2));
    await receiver.until(() => receiver!.requests.length === 1);
    const stopping = performance.now();
    await q.stop();
    expect(performance.now() - stopping).toBeLessThan(1_000);
    q.enqueue(delivery(3));
    expect(counts.drops).toEqual([
      ['shutdown', 2],
      ['shutdown', 1],
    ]);
    expect(counts.attempts).toEqual([]);
  });
});
