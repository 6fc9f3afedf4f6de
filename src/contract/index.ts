export * from './api';
export * from './catalog';
export * from './catalog-queue';
export * from './error-codes';
export * from './health';
export * from './ticket';
export * from './version';
