import { type ControllerProcessOptions, createControllerProcess } from '../../../src/electron/controller-process';
import type { ShellLog } from '../../../src/electron/log';
import { createFakeClock, createFakeElectron, type FakeChild } from './fakes';

const TOKEN = 'ab'.repeat(32);

function setup(overrides: Partial<ControllerProcessOptions> = {}) {
  const electron = createFakeElectron();
  const clock = createFakeClock();
  const log: ShellLog = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
  const onReady = jest.fn();
  const onDown = jest.fn();
  const controller = createControllerProcess({
    utilityProcess: electron.api.utilityProcess,
    modulePath: '/app/dist/cli.js',
    token: TOKEN,
    env: { PATH: '/usr/bin', LOBBY_ROBOT_TOKEN: 'stale-from-environment' },
    clock,
    log,
    onReady,
    onDown,
    ...overrides,
  });
  const child = (i: number): FakeChild => {
    const c = electron.children[i];
    if (c === undefined) throw new Error(`no child #${i}`);
    return c;
  };
  return { electron, clock, log, onReady, onDown, controller, child };
}

describe('controller utility process', () => {
  it('forks dist/cli.js with start --no-window, the shell token in the environment, a service name and inherited stdio', () => {
    const { controller, electron } = setup();
    controller.start();
    expect(electron.fork).toHaveBeenCalledTimes(1);
    expect(electron.fork).toHaveBeenCalledWith('/app/dist/cli.js', ['start', '--no-window'], {
      env: { PATH: '/usr/bin', LOBBY_ROBOT_TOKEN: TOKEN },
      serviceName: 'lobby-robot-controller',
      stdio: 'inherit',
    });
  });

  it('reports ready with the URL the controller posts', () => {
    const { controller, child, onReady } = setup();
    controller.start();
    child(0).emit('message', { type: 'ready', url: 'http://127.0.0.1:8787/' });
    expect(onReady).toHaveBeenCalledWith('http://127.0.0.1:8787/');
  });

  it.each([
    ['a string', 'ready'],
    ['another type', { type: 'log', url: 'http://127.0.0.1:8787/' }],
    ['a foreign host', { type: 'ready', url: 'http://evil.example:8787/' }],
    ['https', { type: 'ready', url: 'https://127.0.0.1:8787/' }],
    ['a path', { type: 'ready', url: 'http://127.0.0.1:8787/admin' }],
    ['port 0', { type: 'ready', url: 'http://127.0.0.1:0/' }],
    ['port 70000', { type: 'ready', url: 'http://127.0.0.1:70000/' }],
    ['localhost', { type: 'ready', url: 'http://localhost:8787/' }],
    ['a missing url', { type: 'ready' }],
    ['null', null],
  ])('ignores a message with %s', (_label, message) => {
    const { controller, child, onReady } = setup();
    controller.start();
    child(0).emit('message', message);
    expect(onReady).not.toHaveBeenCalled();
  });

  it('restarts after an exit with delays doubling from 0.5 s to 30 s, telling the shell it is down', () => {
    const { controller, clock, electron, child, onDown } = setup();
    controller.start();
    const observed: number[] = [];
    for (let i = 0; i < 8; i++) {
      child(i).emit('exit', 1);
      const restartInMs = (onDown.mock.calls.at(-1)?.[0] as { restartInMs: number }).restartInMs;
      observed.push(restartInMs);
      clock.advance(restartInMs - 1);
      expect(electron.fork).toHaveBeenCalledTimes(i + 1); // not a millisecond early
      clock.advance(1);
      expect(electron.fork).toHaveBeenCalledTimes(i + 2);
    }
    expect(observed).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(onDown).toHaveBeenLastCalledWith({ exitCode: 1, restartInMs: 30000 });
  });

  it('goes back to a 0.5 s delay when the controller had stayed up 60 s', () => {
    const { controller, clock, child, onDown } = setup();
    controller.start();
    child(0).emit('exit', 1);
    clock.advance(500);
    child(1).emit('exit', 1);
    clock.advance(1000);
    child(2).emit('message', { type: 'ready', url: 'http://127.0.0.1:8787/' });
    clock.advance(60_000);
    child(2).emit('exit', 1);
    expect(onDown).toHaveBeenLastCalledWith({ exitCode: 1, restartInMs: 500 });
  });

  it('uses the same token after every restart', () => {
    const { controller, clock, electron, child } = setup();
    controller.start();
    child(0).emit('exit', 1);
    clock.advance(500);
    expect(electron.children.map((c) => c.options.env.LOBBY_ROBOT_TOKEN)).toEqual([TOKEN, TOKEN]);
  });

  it('ignores events of a process that was already replaced', () => {
    const { controller, clock, electron, child, onReady, onDown } = setup();
    controller.start();
    child(0).emit('exit', 1);
    clock.advance(500);
    child(0).emit('message', { type: 'ready', url: 'http://127.0.0.1:1111/' });
    child(0).emit('exit', 1);
    expect(onReady).not.toHaveBeenCalled();
    expect(onDown).toHaveBeenCalledTimes(1);
    clock.advance(60_000);
    expect(electron.fork).toHaveBeenCalledTimes(2);
  });

  it('kills a controller that never says ready, which then restarts', () => {
    const { controller, clock, child, electron } = setup({ readyTimeoutMs: 10_000 });
    controller.start();
    clock.advance(9_999);
    expect(child(0).kill).not.toHaveBeenCalled();
    clock.advance(1);
    expect(child(0).kill).toHaveBeenCalledTimes(1);
    child(0).emit('exit', 0);
    clock.advance(500);
    expect(electron.fork).toHaveBeenCalledTimes(2);
  });

  it('does not kill a controller that said ready', () => {
    const { controller, clock, child } = setup({ readyTimeoutMs: 10_000 });
    controller.start();
    child(0).emit('message', { type: 'ready', url: 'http://127.0.0.1:8787/' });
    clock.advance(3_600_000);
    expect(child(0).kill).not.toHaveBeenCalled();
  });

  it('retries with backoff when fork itself throws', () => {
    const { controller, clock, electron, onDown } = setup();
    electron.fork.mockImplementationOnce(() => {
      throw new Error('ENOENT');
    });
    controller.start();
    expect(onDown).toHaveBeenCalledWith({ exitCode: null, restartInMs: 500 });
    clock.advance(500);
    expect(electron.fork).toHaveBeenCalledTimes(2);
  });

  it('stop() kills the child gracefully, resolves on its exit and never restarts it', async () => {
    const { controller, clock, electron, child, onDown } = setup();
    controller.start();
    const stopped = controller.stop();
    expect(child(0).kill).toHaveBeenCalledTimes(1);
    let done = false;
    void stopped.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    child(0).emit('exit', 0);
    await stopped;
    clock.advance(120_000);
    expect(electron.fork).toHaveBeenCalledTimes(1);
    expect(onDown).not.toHaveBeenCalled();
  });

  it('stop() gives up waiting after the grace period', async () => {
    const { controller, clock, child } = setup({ stopGraceMs: 6000 });
    controller.start();
    const stopped = controller.stop();
    clock.advance(6000);
    await expect(stopped).resolves.toBeUndefined();
    expect(child(0).kill).toHaveBeenCalledTimes(1);
  });

  it('stop() during a restart delay cancels the restart', async () => {
    const { controller, clock, electron, child } = setup();
    controller.start();
    child(0).emit('exit', 1);
    await controller.stop();
    clock.advance(60_000);
    expect(electron.fork).toHaveBeenCalledTimes(1);
    expect(clock.pending()).toBe(0);
  });
});
