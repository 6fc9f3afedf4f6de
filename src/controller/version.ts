/** Replaced at build time by esbuild (package.json version); "dev" when run from sources. */
declare const __LOBBY_ROBOT_VERSION__: string | undefined;
export const VERSION: string = typeof __LOBBY_ROBOT_VERSION__ === 'string' ? __LOBBY_ROBOT_VERSION__ : 'dev';
