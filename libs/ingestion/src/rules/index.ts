export * from './load-rule-set';
