export * from './cap-vocabulary';
export * from './cap-date-time';
export * from './cap-message-chain';
export * from './cap-area';
export * from './cap-document';
