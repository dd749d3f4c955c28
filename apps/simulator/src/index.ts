export { runSimulator, type SimulatorResult, type SimulatorRun } from './run-simulator';
export { SIMULATOR_DEFAULTS, DEFAULT_START, type SimulatorOptions, type SimulatorClient } from './simulator-options';
export { parseCliOptions } from './cli-options';
export { scenarioMessages, createScenario, SCENARIOS, SCENARIO_NAMES, type Scenario, type SimulatedMessage } from '@hydro/simulation';
