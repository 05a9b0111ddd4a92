export * from './event-store.port';
export * from './postgres';
export * from './eventstoredb';
export * from './serialization';
