/**
 * Crash dumps stay on the robot, under the data folder the controller reports from: proven with
 * a mocked electron (crashReporter and app.setPath are recorded, nothing native runs).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCrashDumps } from '../../../src/electron/crash-dumps';
import { createShell } from '../../../src/electron/shell';
import { createFakeClock, createFakeElectron, recordingLog } from './fakes';

describe('crash dumps (Electron crashReporter)', () => {
  it('never uploads, bypasses the system crash handler, and keeps dumps in <LOBBY_ROBOT_DATA>/crashes/electron', () => {
    const electron = createFakeElectron();
    const data = mkdtempSync(join(tmpdir(), 'lobby-robot-crash-'));
    const { log } = recordingLog();
    const dir = startCrashDumps(electron.api, { env: { LOBBY_ROBOT_DATA: data }, log });
    expect(dir).toBe(join(data, 'crashes', 'electron'));
    expect(existsSync(dir!)).toBe(true); // setPath throws for a folder that does not exist
    expect(electron.app.setPath).toHaveBeenCalledWith('crashDumps', dir);
    expect(electron.crashReporter.start).toHaveBeenCalledTimes(1);
    const options = electron.crashReporter.start.mock.calls[0]![0];
    expect(options).toMatchObject({ uploadToServer: false, ignoreSystemCrashHandler: true });
    expect(options).not.toHaveProperty('submitURL');
    // the folder is set before the reporter starts, or Crashpad opens its database elsewhere
    expect(electron.app.setPath.mock.invocationCallOrder[0]!).toBeLessThan(electron.crashReporter.start.mock.invocationCallOrder[0]!);
  });

  it('falls back to Electron’s userData folder without LOBBY_ROBOT_DATA', () => {
    const electron = createFakeElectron();
    const userData = mkdtempSync(join(tmpdir(), 'lobby-robot-userdata-'));
    electron.app.paths.set('userData', userData);
    expect(startCrashDumps(electron.api, { env: {}, log: recordingLog().log })).toBe(join(userData, 'crashes', 'electron'));
  });

  it('a reporter that cannot start is logged and the kiosk goes on', () => {
    const electron = createFakeElectron();
    electron.crashReporter.start.mockImplementation(() => {
      throw new Error('crashpad handler missing');
    });
    const { log, lines } = recordingLog();
    expect(startCrashDumps(electron.api, { env: { LOBBY_ROBOT_DATA: '/nowhere' }, log, mkdir: () => undefined })).toBeNull();
    expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: expect.stringMatching(/crash reporter not started/) })]);
  });

  it('the shell starts the reporter before the app is ready, once, with the environment it was given', async () => {
    const electron = createFakeElectron();
    const data = mkdtempSync(join(tmpdir(), 'lobby-robot-crash-'));
    let readyCalledAfterStart = false;
    electron.app.whenReady.mockImplementation(() => {
      readyCalledAfterStart = electron.crashReporter.start.mock.calls.length === 1;
      return Promise.resolve();
    });
    const shell = createShell(electron.api, { appRoot: '/app', env: { LOBBY_ROBOT_DATA: data }, clock: createFakeClock(), log: recordingLog().log, signals: { on: jest.fn() }, fatalErrorSource: null });
    await shell.started;
    expect(readyCalledAfterStart).toBe(true);
    expect(electron.app.setPath).toHaveBeenCalledWith('crashDumps', join(data, 'crashes', 'electron'));
  });
});
