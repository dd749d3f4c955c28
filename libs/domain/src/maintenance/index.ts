export * from './maintenance-window';
export * from './maintenance-event';
export * from './maintenance.error';
export * from './open-maintenance-request';
export * from './parse-maintenance-event';
export * from './maintenance-calendar';
