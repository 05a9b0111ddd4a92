export { startEventStoreDbDouble, type EventStoreDbDouble, type EventStoreDbDoubleOptions } from './server';
