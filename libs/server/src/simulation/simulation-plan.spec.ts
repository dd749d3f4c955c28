import { loadEnvironment } from '../config/load-environment';
import { simulationPlan } from './simulation-plan';

const NOW = Date.parse('2026-07-01T12:00:00+08:00');
const HOUR = 3_600_000;

describe('simulationPlan', () => {
  it('plans nothing when SIMULATE is off', () => {
    expect(simulationPlan(loadEnvironment({}), NOW)).toBeUndefined();
  });

  it('ends the run when the real clock reaches the same time, so no observation lies in the future', () => {
    const plan = simulationPlan(loadEnvironment({ SIMULATE: 'typhoon', SIMULATE_SPEED: '600' }), NOW)!;
    expect(plan.durationHours).toBe(72);
    const realMs = (plan.durationHours * HOUR) / plan.speed;
    expect(plan.start + plan.durationHours * HOUR).toBeCloseTo(NOW + realMs, -1);
  });

  it('starts at the real clock when it runs in real time', () => {
    expect(simulationPlan(loadEnvironment({ SIMULATE: 'calm', SIMULATE_SPEED: '1' }), NOW)!.start).toBe(NOW);
  });

  it('takes an explicit start and duration, and publishes to the embedded broker unless MQTT_URL is set', () => {
    const embedded = simulationPlan(loadEnvironment({ SIMULATE: 'outages', SIMULATE_START: '2023-09-21T08:00:00+08:00', SIMULATE_HOURS: '2', MQTT_BROKER_PORT: '1999' }), NOW)!;
    expect([embedded.start, embedded.durationHours, embedded.url]).toEqual([Date.parse('2023-09-21T00:00:00Z'), 2, 'mqtt://127.0.0.1:1999']);
    const external = simulationPlan(loadEnvironment({ SIMULATE: 'calm', MQTT_URL: 'mqtt://broker.example:1883' }), NOW)!;
    expect(external.url).toBe('mqtt://broker.example:1883');
  });
});
