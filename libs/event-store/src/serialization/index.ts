export * from './canonical-json';
export * from './event-hash';
export * from './hash-chain';
export * from './event-id';
export * from './upcasters';
