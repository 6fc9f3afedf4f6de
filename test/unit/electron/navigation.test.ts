import { guardWebContents } from '../../../src/electron/navigation';
import type { WebContents } from '../../../src/electron/electron-api';
import { fakeEvent, FakeWebContents } from './fakes';

function setup(controllerUrl: string | null = 'http://127.0.0.1:8787/') {
  const contents = new FakeWebContents();
  let origin = controllerUrl === null ? null : new URL(controllerUrl).origin;
  guardWebContents(contents as unknown as WebContents, () => origin);
  const navigate = (eventName: string, url: string) => {
    const event = fakeEvent({ url, isMainFrame: true });
    contents.emit(eventName, event, url);
    return event.defaultPrevented() ? 'blocked' : 'allowed';
  };
  return { contents, navigate, setOrigin: (o: string | null) => (origin = o) };
}

describe('navigation guard', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s stays allowed within the controller origin', (name) => {
    const { navigate } = setup();
    expect(navigate(name, 'http://127.0.0.1:8787/')).toBe('allowed');
    expect(navigate(name, 'http://127.0.0.1:8787/service-mode?x=1#top')).toBe('allowed');
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8788/',
    'http://localhost:8787/',
    'file:///etc/passwd',
    'data:text/html,<h1>hi</h1>',
    'javascript:alert(1)',
    'chrome://settings',
    'not a url',
  ])('blocks navigation to %s on every navigation event', (url) => {
    const { navigate } = setup();
    expect(['will-navigate', 'will-frame-navigate', 'will-redirect'].map((n) => navigate(n, url))).toEqual([
      'blocked',
      'blocked',
      'blocked',
    ]);
  });

  it('blocks all navigation while the controller address is unknown', () => {
    const { navigate } = setup(null);
    expect(navigate('will-navigate', 'http://127.0.0.1:8787/')).toBe('blocked');
  });

  it('follows the controller when it moved to another port', () => {
    const { navigate, setOrigin } = setup();
    setOrigin('http://127.0.0.1:9000');
    expect(navigate('will-navigate', 'http://127.0.0.1:8787/')).toBe('blocked');
    expect(navigate('will-navigate', 'http://127.0.0.1:9000/')).toBe('allowed');
  });

  it('denies every new window, whatever its URL', () => {
    const { contents } = setup();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    for (const url of ['http://127.0.0.1:8787/', 'https://example.com/', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url, disposition: 'new-window' })).toEqual({ action: 'deny' });
    }
  });

  it('prevents every <webview> from attaching', () => {
    const { contents } = setup();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, { nodeIntegration: false }, { src: 'http://127.0.0.1:8787/' });
    expect(event.defaultPrevented()).toBe(true);
  });

  it('guards a web contents once, however often it is handed in', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as WebContents, () => null);
    guardWebContents(contents as unknown as WebContents, () => null);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });
});
