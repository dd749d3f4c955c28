export * from './rule-set';
export * from './rule-evaluator';
export * from './evaluators';
export * from './rainfall';
export * from './rule-engine';
export * from './config';
