export const ENVIRONMENT = Symbol('ENVIRONMENT');
