/**
 * The robot <-> center sync protocol, version 1 (docs/sync-protocol.md explains it in prose).
 *
 * HTTP + JSON under /v1. Every response carries the center's clock in the `x-server-time` header
 * (ms since the epoch) and, for JSON bodies, in `serverTime`, so a robot can measure its skew.
 * A failure is `{ error: { code, issues? }, serverTime }` with a stable code from error-codes.ts.
 * Robots authenticate with `Authorization: Bearer <device token>`; staff pages with
 * `Authorization: Staff <staff key>`. Every schema is bounded: nothing from the network is trusted.
 */
export * from './common';
export * from './enrolment';
export * from './catalog-and-numbers';
export * from './tickets';
export * from './health';
export * from './lookups';
export * from './counters';
export * from './stream';
export * from './fleet-and-events';
export * from './pages';
export * from './booking';
export * from './ratings';
export * from './stats';
