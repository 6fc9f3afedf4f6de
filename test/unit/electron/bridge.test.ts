import { bridgeArguments, exposeBridge, parseBridgeArguments } from '../../../src/electron/bridge';

const TOKEN = '0123456789abcdef'.repeat(4);
const URL_ARG = '--lobby-robot-url=http://127.0.0.1:8787/';
const TOKEN_ARG = `--lobby-robot-token=${TOKEN}`;
const ARGV = ['/opt/lobby-robot/lobby-robot', '--type=renderer', URL_ARG, TOKEN_ARG];

describe('preload bridge', () => {
  it('parses the switches into one frozen object with exactly url, token and protocol', () => {
    const bridge = parseBridgeArguments(ARGV);
    expect(bridge).toEqual({ controllerUrl: 'http://127.0.0.1:8787/', token: TOKEN, protocol: 1 });
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge ?? {}).sort()).toEqual(['controllerUrl', 'protocol', 'token']);
  });

  it('round-trips what the shell passes', () => {
    expect(parseBridgeArguments(['x', ...bridgeArguments('http://127.0.0.1:4000/', TOKEN)])).toEqual({
      controllerUrl: 'http://127.0.0.1:4000/',
      token: TOKEN,
      protocol: 1,
    });
  });

  it.each([
    ['no url', ['x', TOKEN_ARG]],
    ['no token', ['x', URL_ARG]],
    ['a foreign url', ['x', '--lobby-robot-url=https://evil.example/', TOKEN_ARG]],
    ['a url with a path', ['x', '--lobby-robot-url=http://127.0.0.1:8787/x', TOKEN_ARG]],
    ['a short token', ['x', URL_ARG, '--lobby-robot-token=abc']],
    ['an upper-case token', ['x', URL_ARG, `--lobby-robot-token=${TOKEN.toUpperCase()}`]],
    ['a token with markup', ['x', URL_ARG, `--lobby-robot-token=${TOKEN.slice(0, 60)}<b>`]],
    ['a repeated url switch', ['x', URL_ARG, '--lobby-robot-url=http://127.0.0.1:9999/', TOKEN_ARG]],
    ['a repeated token switch', ['x', URL_ARG, TOKEN_ARG, TOKEN_ARG]],
  ])('refuses argv with %s', (_label, argv) => {
    expect(parseBridgeArguments(argv)).toBeNull();
  });

  it('exposes the object once, as window.lobbyRobot, to the controller page', () => {
    const contextBridge = { exposeInMainWorld: jest.fn() };
    expect(exposeBridge(contextBridge, ARGV, 'http://127.0.0.1:8787')).toBe(true);
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, unknown];
    expect(name).toBe('lobbyRobot');
    expect(Object.isFrozen(api)).toBe(true);
    expect(api).toEqual({ controllerUrl: 'http://127.0.0.1:8787/', token: TOKEN, protocol: 1 });
  });

  it.each(['null', 'http://127.0.0.1:9999', 'https://evil.example'])('exposes nothing to a page of origin %s', (origin) => {
    const contextBridge = { exposeInMainWorld: jest.fn() };
    expect(exposeBridge(contextBridge, ARGV, origin)).toBe(false);
    expect(contextBridge.exposeInMainWorld).not.toHaveBeenCalled();
  });

  it('exposes nothing when the switches are invalid', () => {
    const contextBridge = { exposeInMainWorld: jest.fn() };
    expect(exposeBridge(contextBridge, ['x', URL_ARG], 'http://127.0.0.1:8787')).toBe(false);
    expect(contextBridge.exposeInMainWorld).not.toHaveBeenCalled();
  });

  it('preload.ts wires electron.contextBridge, process.argv and the page origin together', () => {
    const exposeInMainWorld = jest.fn();
    const savedArgv = process.argv;
    const globals = globalThis as { window?: unknown };
    try {
      process.argv = ARGV;
      globals.window = { location: { origin: 'http://127.0.0.1:8787' } };
      jest.isolateModules(() => {
        jest.doMock('electron', () => ({ contextBridge: { exposeInMainWorld } }));
        jest.requireActual('../../../src/electron/preload');
      });
    } finally {
      process.argv = savedArgv;
      delete globals.window;
    }
    expect(exposeInMainWorld).toHaveBeenCalledWith('lobbyRobot', { controllerUrl: 'http://127.0.0.1:8787/', token: TOKEN, protocol: 1 });
  });
});
