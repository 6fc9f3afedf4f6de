import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listCrashReports } from '../../../src/controller/crash-reports';
import { installDownloadHandler } from '../../../src/electron/downloads';
import { recordMainProcessFatalErrors } from '../../../src/electron/fatal-errors';
import { createShell } from '../../../src/electron/shell';
import { createFakeClock, createFakeElectron, recordingLog } from './fakes';

const ORIGIN = 'http://127.0.0.1:8787';

function fakeItem(url: string, filename: string) {
  const events = new EventEmitter();
  return {
    getURL: () => url,
    getFilename: () => filename,
    setSavePath: jest.fn(),
    cancel: jest.fn(),
    once: (event: string, l: (...a: unknown[]) => void) => events.once(event, l),
    finish: (state: string) => events.emit('done', {}, state),
  };
}

function handler(dir: string) {
  const session = new EventEmitter();
  const { log, lines } = recordingLog();
  installDownloadHandler(session as never, () => ORIGIN, dir, log);
  const download = (item: ReturnType<typeof fakeItem>) => session.emit('will-download', {}, item, {});
  return { download, lines };
}

describe('kiosk downloads (service mode support bundle)', () => {
  it('saves a download from the controller page straight into the export folder, no dialog', () => {
    const { download } = handler('/var/lib/lobby-robot/exports');
    const item = fakeItem(`blob:${ORIGIN}/5b1d-uuid`, 'lobby-robot-robot-1-2026-11-30.json');
    download(item);
    expect(item.setSavePath).toHaveBeenCalledWith('/var/lib/lobby-robot/exports/lobby-robot-robot-1-2026-11-30.json');
    expect(item.cancel).not.toHaveBeenCalled();
  });

  it('keeps a hostile file name inside the folder', () => {
    const { download } = handler('/exports');
    const item = fakeItem(`${ORIGIN}/bundle`, '../../etc/pass wd;.json');
    download(item);
    expect(item.setSavePath).toHaveBeenCalledWith('/exports/pass_wd_.json');
  });

  it('cancels a download from any other origin and says so without the URL', () => {
    const { download, lines } = handler('/exports');
    const item = fakeItem('https://evil.example/payload.sh?token=secret', 'payload.sh');
    download(item);
    expect(item.cancel).toHaveBeenCalled();
    expect(item.setSavePath).not.toHaveBeenCalled();
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('is installed on the default session when the shell is ready', async () => {
    const electron = createFakeElectron();
    const shell = createShell(electron.api, { appRoot: '/app', env: { LOBBY_ROBOT_DATA: '/data' }, clock: createFakeClock(), log: recordingLog().log, signals: { on: jest.fn() }, fatalErrorSource: null });
    await shell.started;
    expect(electron.session.on).toHaveBeenCalledWith('will-download', expect.any(Function));
  });
});

describe("uncaught exceptions of the shell's main process", () => {
  it('leave a fatal-error report the controller lists for the center, without the message', () => {
    const data = mkdtempSync(join(tmpdir(), 'lobby-shell-fatal-'));
    const source = new EventEmitter();
    recordMainProcessFatalErrors(data, { version: '1.2.3', source: source as never, now: () => new Date('2026-11-30T01:02:03Z'), pid: 42 });
    const error = Object.assign(new TypeError('citizen Nguyễn Văn A, CCCD 001234567890'), { code: 'ERR_TEST_CODE' });
    source.emit('uncaughtExceptionMonitor', error, 'uncaughtException');

    const files = readdirSync(join(data, 'crashes'));
    expect(files).toEqual(['fatal-2026-11-30T01-02-03-000Z-42.json']);
    const text = readFileSync(join(data, 'crashes', files[0]!), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ kind: 'fatal-error', process: 'electron-main', name: 'TypeError', code: 'ERR_TEST_CODE', version: '1.2.3' });
    expect(text).not.toContain('Nguyễn');
    expect(text).not.toContain('001234567890');
    expect(listCrashReports(data)).toMatchObject({ count: 1 });
  });
});
