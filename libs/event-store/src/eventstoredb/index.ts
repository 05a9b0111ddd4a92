export { EventStoreDbEventStore } from './eventstoredb-event-store';
export { EventStoreDbSubscription } from './subscription';
export { UnsupportedRecordedEventError } from './recorded-event';
