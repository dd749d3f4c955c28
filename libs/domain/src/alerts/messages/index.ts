export * from './message-locale';
export * from './locale-from';
export * from './alert-view';
export * from './alert-place';
export * from './alert-words';
export * from './alert-message';
