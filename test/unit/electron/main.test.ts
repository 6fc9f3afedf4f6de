import { createFakeElectron } from './fakes';

describe('src/electron/main.ts', () => {
  it('hands the electron module to createShell', () => {
    const electron = createFakeElectron();
    electron.app.lockGranted = false; // createShell then quits at once: nothing else runs
    jest.isolateModules(() => {
      jest.doMock('electron', () => electron.api);
      jest.requireActual('../../../src/electron/main');
    });
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });
});
