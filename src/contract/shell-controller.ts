import { z } from 'zod';
import { isControllerUrl } from './preload';

/**
 * How the Electron shell and the controller it starts (dist/cli.js in a utilityProcess) talk.
 * The shell makes the per-boot token, so it survives controller restarts.
 */
export const CONTROLLER_TOKEN_ENV = 'LOBBY_ROBOT_TOKEN';
export const CONTROLLER_SERVICE_NAME = 'lobby-robot-controller';
export const CONTROLLER_START_ARGS = ['start', '--no-window'] as const;

/**
 * Crash reports live in <data folder>/crashes: Electron's Crashpad minidumps in its `electron`
 * subfolder, the controller's own fatal-error reports beside it. The controller lists them and
 * sends a summary with its next heartbeat to the center.
 */
export const CRASH_REPORTS_DIR = 'crashes';
export const ELECTRON_CRASH_DUMPS_SUBDIR = 'electron';

/** Posted by the controller through process.parentPort once its HTTP server listens. */
export const ControllerReady = z.object({
  type: z.literal('ready'),
  url: z.string().max(64).refine(isControllerUrl, 'expected http://127.0.0.1:<port>/'),
});
export type ControllerReady = z.infer<typeof ControllerReady>;
