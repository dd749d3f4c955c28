export * from './embedded-broker-source';
