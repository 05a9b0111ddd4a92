export * from './database-connection';
export * from './event-store.factory';
