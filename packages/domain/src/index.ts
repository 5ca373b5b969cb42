export * from './credit-code';
export * from './labels';
export * from './roles';
export * from './society';
export * from './state-machine';
