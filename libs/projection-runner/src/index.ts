export * from './projection';
export * from './projection-runner';
export * from './checkpoint-watcher';
export * from './errors';
export * from './logger';
export type { SchemaCheck } from './projection-schemas';
export type { RebuildResult } from './rebuild';
export type { GroupSettings } from './projection-group';
