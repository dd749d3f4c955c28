export * from './roles';
export * from './api-token';
