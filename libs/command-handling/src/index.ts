export * from './command-handler';
export * from './command-metadata';
