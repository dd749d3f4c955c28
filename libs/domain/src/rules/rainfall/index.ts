export * from './rain-depth';
export * from './reporting-slots';
export * from './rainfall-window';
export * from './rainfall-windows';
