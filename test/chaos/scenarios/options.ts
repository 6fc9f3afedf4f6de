/** How hard a chaos run pushes: the short form runs inside `npm test`, the full one is `npm run chaos`. */
export interface ChaosOptions {
  short: boolean;
}
