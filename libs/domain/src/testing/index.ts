// Test helpers: import from '@app/domain/testing' in specs only (the build excludes testing folders).
export * from './decider-specification';
export * from './actors';
export * as incomingFixtures from './incoming-document.fixtures';
