export * from './mathError';
export * from './flags';
export * from './check';
export * from './family';
export * from './vectorize';
export * from './registry';
export * as special from './special/index';
export * as multivariate from './multivariate';
