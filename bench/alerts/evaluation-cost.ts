import { AlertBook, interpretTelemetry, type RuleSet, RuleEngine, type StationRegistry, type TelemetryMessage } from '@hydro/domain';
import { createScenario, scenarioMessages } from '@hydro/simulation';
import { median } from './latency-stats';

const HOUR = 3_600_000;
/** Resolve on the first normal, as the centre does for a rule it does not know. */
const FALLBACK_POLICY = { clearingDelayMs: 0 };

export interface EvaluationCostOptions {
  readonly registry: StationRegistry;
  readonly ruleSet: RuleSet;
  readonly start: number;
  /** Simulated hours of the typhoon scenario to take, from `fromHour` after its start. */
  readonly fromHour: number;
  readonly hours: number;
  readonly runs: number;
}

export interface EvaluationCost {
  readonly messages: number;
  readonly readings: number;
  /** Median µs per reading over the runs. */
  readonly interpretOnlyUs: number;
  readonly interpretAndRulesUs: number;
  /** Rules and alert book alone, on readings interpreted before timing. */
  readonly rulesOnlyUs: number;
  readonly verdicts: number;
  readonly alertEvents: number;
  readonly openAtEnd: number;
}

/**
 * The cost of judging readings in-process, as the centre's listener does: RuleEngine.accept on each
 * message's readings, every verdict observed by an AlertBook at the message's receipt time. Baseline in
 * the same run: interpreting the same messages only. Each run starts from a fresh engine and book.
 */
export function measureEvaluationCost(options: EvaluationCostOptions): EvaluationCost {
  const { registry, ruleSet } = options;
  const scenario = createScenario('typhoon', { stations: registry.all(), seed: 1, start: options.start });
  const from = options.start + options.fromHour * HOUR;
  const messages: TelemetryMessage[] = [];
  for (const m of scenarioMessages(scenario, { from, to: from + options.hours * HOUR })) {
    messages.push({ topic: m.topic, payload: Buffer.from(m.payload), receivedAt: m.dueAt + 15_000 });
  }
  const interpreted = messages.map((message) => interpretTelemetry(message, registry).readings);
  const readings = interpreted.reduce((sum, r) => sum + r.length, 0);

  const fresh = () => {
    const engine = new RuleEngine(ruleSet, registry);
    const book = new AlertBook({ policyFor: (ruleId) => engine.policyFor(ruleId) ?? FALLBACK_POLICY });
    return { engine, book };
  };
  let verdicts = 0;
  let alertEvents = 0;
  let openAtEnd = 0;
  const interpretOnly = (): number => {
    const started = performance.now();
    let kept = 0;
    for (const message of messages) kept += interpretTelemetry(message, registry).readings.length;
    const elapsed = performance.now() - started;
    if (kept !== readings) throw new Error(`interpretation is not repeatable: ${kept} readings, then ${readings}`);
    return elapsed;
  };
  const judged = (reinterpret: boolean): number => {
    const { engine, book } = fresh();
    let v = 0;
    let e = 0;
    const started = performance.now();
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i]!;
      const batch = reinterpret ? interpretTelemetry(message, registry).readings : interpreted[i]!;
      if (batch.length === 0) continue;
      for (const verdict of engine.accept(batch)) {
        v += 1;
        e += book.observe(verdict.subject, verdict.outcome, message.receivedAt).length;
      }
    }
    const elapsed = performance.now() - started;
    verdicts = v;
    alertEvents = e;
    openAtEnd = book.openCount;
    return elapsed;
  };
  // One untimed pass of each warms the JIT.
  interpretOnly();
  judged(true);
  const baseline: number[] = [];
  const full: number[] = [];
  const rulesOnly: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    baseline.push(interpretOnly());
    full.push(judged(true));
    rulesOnly.push(judged(false));
  }
  const perReading = (ms: readonly number[]): number => (median(ms) * 1000) / readings;
  return {
    messages: messages.length,
    readings,
    interpretOnlyUs: perReading(baseline),
    interpretAndRulesUs: perReading(full),
    rulesOnlyUs: perReading(rulesOnly),
    verdicts,
    alertEvents,
    openAtEnd,
  };
}
