import type { WebContents } from '../../../src/electron/electron-api';
import { watchRenderer } from '../../../src/electron/renderer-watch';
import { createFakeClock, fakeEvent, FakeWebContents } from './fakes';

function setup() {
  const contents = new FakeWebContents();
  const clock = createFakeClock();
  const onGone = jest.fn();
  watchRenderer(contents as unknown as WebContents, {
    clock,
    log: { info: jest.fn(), warn: jest.fn(), error: jest.fn() },
    hangGraceMs: 10_000,
    onGone,
  });
  return { contents, clock, onGone };
}

describe('renderer watch', () => {
  it('reports a crashed renderer', () => {
    const { contents, onGone } = setup();
    contents.emit('render-process-gone', fakeEvent(), { reason: 'oom', exitCode: 0 });
    expect(onGone).toHaveBeenCalledWith({ reason: 'oom', exitCode: 0 });
  });

  it('crashes a renderer that stays unresponsive past the grace period, which then counts as gone', () => {
    const { contents, clock, onGone } = setup();
    contents.emit('unresponsive');
    clock.advance(9_999);
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    contents.emit('unresponsive'); // repeated reports do not restart the grace period
    clock.advance(1);
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(onGone).toHaveBeenCalledWith({ reason: 'killed', exitCode: 9 });
  });

  it('leaves a renderer alone that became responsive again', () => {
    const { contents, clock, onGone } = setup();
    contents.emit('unresponsive');
    clock.advance(5_000);
    contents.emit('responsive');
    clock.advance(60_000);
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(onGone).not.toHaveBeenCalled();
  });
});
