export * from './api';
export * from './catalog';
export * from './error-codes';
export * from './health';
export * from './procedure';
export * from './ticket';
export * from './version';
