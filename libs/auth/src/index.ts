export * from './roles';
export * from './principal';
export * from './unit-tree';
export * from './jurisdiction';
export * from './token-verifier';
export * from './grpc-interceptor';
export * from './service-token';
