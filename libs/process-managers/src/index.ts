export * from './process-manager';
export * from './process-manager-runner';
export type { ProcessManagerState, ProcessManagerStatus } from './manager-loop';
export { SYSTEM_USERNAME, systemClerk } from './system-actor';
export * from './interconnect';
export * from './calendar/receipt-deadlines-recompute.manager';
export * from './system-managers';
