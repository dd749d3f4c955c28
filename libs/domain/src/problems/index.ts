export * from './problem-list';
