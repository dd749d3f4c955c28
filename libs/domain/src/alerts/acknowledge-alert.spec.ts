import { describe, expect, it } from '@jest/globals';
import { breach, LAG, MINUTE, normal, OU_RIVER_LEVEL, T0 } from './__fixtures__/alert-fixtures';
import { acknowledgeAlert } from './acknowledge-alert';
import type { Alert } from './alert';
import { AlertAlreadyAcknowledgedError } from './alert-already-acknowledged.error';
import { observeOpenAlert } from './observe-open-alert';
import { raiseAlert } from './raise-alert';

const NO_DELAY = { clearingDelayMs: 0 };
const active = (): Alert => raiseAlert(OU_RIVER_LEVEL, breach('yellow', T0), T0 + LAG).alert;
const resolvedUnacknowledged = (): Alert => observeOpenAlert(active(), normal(T0 + 10 * MINUTE), NO_DELAY, T0 + 10 * MINUTE + LAG).alert;

describe('acknowledgeAlert', () => {
  it('makes an active alert acknowledged, recording who, when and why', () => {
    const at = T0 + 3 * MINUTE;
    const transition = acknowledgeAlert(active(), 'duty-forecaster-li', 'sluices at Wenrui opened', at);
    expect(transition.alert).toMatchObject({
      state: 'acknowledged',
      acknowledged: true,
      acknowledgedBy: 'duty-forecaster-li',
      acknowledgedAt: at,
      ackNote: 'sluices at Wenrui opened',
      version: 2,
    });
    expect(transition.events).toEqual([
      expect.objectContaining({ type: 'acknowledged', at, actor: 'duty-forecaster-li', note: 'sluices at Wenrui opened', state: 'acknowledged', acknowledged: true }),
    ]);
  });

  it('leaves the note out of the event when none is given', () => {
    const [event] = acknowledgeAlert(active(), 'duty-forecaster-li', undefined, T0 + MINUTE).events;
    expect(event).not.toHaveProperty('note');
    expect(JSON.parse(JSON.stringify(event))).toEqual(event);
  });

  it('keeps a resolved alert nobody looked at visible until acknowledged, then closes it', () => {
    const resolved = resolvedUnacknowledged();
    expect(resolved).toMatchObject({ state: 'resolved', acknowledged: false });
    expect(resolved.closedAt).toBeUndefined();
    const at = T0 + 2 * 60 * MINUTE;
    const transition = acknowledgeAlert(resolved, 'duty-forecaster-wang', 'came and went overnight', at);
    expect(transition.events.map((event) => [event.type, event.state, event.acknowledged])).toEqual([
      ['acknowledged', 'resolved', true],
      ['closed', 'resolved', true],
    ]);
    expect(transition.alert).toMatchObject({ state: 'resolved', acknowledged: true, acknowledgedBy: 'duty-forecaster-wang', closedAt: at });
  });

  it.each([
    ['an acknowledged active alert', () => acknowledgeAlert(active(), 'duty-forecaster-li', undefined, T0 + MINUTE).alert, 'acknowledged'],
    ['a closed alert', () => acknowledgeAlert(resolvedUnacknowledged(), 'duty-forecaster-li', undefined, T0 + 60 * MINUTE).alert, 'resolved'],
  ] as const)('refuses to acknowledge %s twice, naming the first person', (_case, alertOf, state) => {
    const alert = alertOf();
    let thrown: unknown;
    try {
      acknowledgeAlert(alert, 'duty-forecaster-zhao', undefined, T0 + 90 * MINUTE);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AlertAlreadyAcknowledgedError);
    expect(thrown).toMatchObject({ alertId: alert.id, state, acknowledgedBy: 'duty-forecaster-li', message: expect.stringContaining('by duty-forecaster-li') });
  });

  it('accepts a new acknowledgement after an escalation, replacing the old one', () => {
    const first = acknowledgeAlert(active(), 'duty-forecaster-li', 'watching', T0 + MINUTE).alert;
    const escalated = observeOpenAlert(first, breach('red', T0 + 5 * MINUTE), NO_DELAY, T0 + 5 * MINUTE + LAG).alert;
    const second = acknowledgeAlert(escalated, 'duty-leader-chen', undefined, T0 + 7 * MINUTE).alert;
    expect(second).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'duty-leader-chen', acknowledgedAt: T0 + 7 * MINUTE, ackNote: undefined });
  });
});
