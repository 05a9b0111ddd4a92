export * from './database-connection';
export * from './event-store.factory';
export * from './local-secret-file';
export * from './app-entry';
