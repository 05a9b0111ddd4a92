export * from './token-verifier';
export * from './local-secret';
