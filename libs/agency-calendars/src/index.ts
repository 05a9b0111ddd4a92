export * from './agency-deadlines';
export * from './calendar-provider';
export * from './deadline-settings';
