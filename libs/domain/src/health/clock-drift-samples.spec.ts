import { describe, expect, it } from '@jest/globals';
import { ClockDriftSamples } from './clock-drift-samples';

const MINUTE = 60_000;
const T0 = Date.parse('2024-06-01T00:00:00Z');

function withDelays(capacity: number, delaysMin: number[]): ClockDriftSamples {
  const samples = new ClockDriftSamples(capacity);
  delaysMin.forEach((delay, i) => {
    const observedAt = T0 + i * 5 * MINUTE;
    samples.add(observedAt, observedAt + delay * MINUTE);
  });
  return samples;
}

describe('ClockDriftSamples', () => {
  it.each([
    [[1, 2, 30], 2],
    [[1, 2, 3, 40], 2.5],
    [[-12, -11, -11, 50], -11],
  ])('takes the median of the per-message delays %j: %d min', (delays, median) => {
    expect(withDelays(12, delays).drift(3)).toEqual({ medianMs: median * MINUTE, samples: delays.length });
  });

  it('gives nothing with fewer than the minimum number of messages', () => {
    expect(withDelays(12, [1, 2]).drift(3)).toBeUndefined();
    expect(withDelays(12, [1, 2, 3]).drift(3)).toBeDefined();
  });

  it('keeps only the last messages up to its capacity', () => {
    expect(withDelays(3, [50, 50, 50, 1, 2, 3]).drift(3)).toEqual({ medianMs: 2 * MINUTE, samples: 3 });
  });

  it('follows new messages after the drift was read', () => {
    const samples = withDelays(3, [1, 1, 1]);
    expect(samples.drift(3)?.medianMs).toBe(MINUTE);
    samples.add(T0 + 20 * MINUTE, T0 + 40 * MINUTE);
    samples.add(T0 + 25 * MINUTE, T0 + 45 * MINUTE);
    expect(samples.drift(3)?.medianMs).toBe(20 * MINUTE);
  });

  it('counts an hourly report of twelve 5-minute values once, by its newest value', () => {
    const samples = new ClockDriftSamples(12);
    const sentAt = T0 + 60 * MINUTE + 20_000;
    for (let k = 1; k <= 12; k++) samples.add(T0 + k * 5 * MINUTE, sentAt);
    expect(samples.drift(1)).toEqual({ medianMs: 20_000, samples: 1 });
  });

  it('dates the drift from the oldest kept message beyond the limit on the side of the median', () => {
    const samples = withDelays(12, [1, -20, 15, 16]);
    const thirdReceipt = T0 + 2 * 5 * MINUTE + 15 * MINUTE;
    expect(samples.beyondSince(10 * MINUTE, 15 * MINUTE)).toBe(thirdReceipt);
    const secondReceipt = T0 + 5 * MINUTE - 20 * MINUTE;
    expect(samples.beyondSince(10 * MINUTE, -15 * MINUTE)).toBe(secondReceipt);
  });
});
