/**
 * Issue 16 point 11: with `--no-window` nobody opens the page for the operator, so the log carries
 * the URL with the per-boot token in its fragment; a LOBBY_ROBOT_TOKEN in a wrong format is
 * refused (exit 78, naming the variable) instead of being replaced silently by a fresh token.
 */
import { runCli, startRobot, tempDir } from '../../support/robot-process';

describe('lobby-robot start and its token', () => {
  it('--no-window logs the URL to open, with the token in the fragment', async () => {
    const robot = await startRobot([]);
    try {
      expect(await robot.outputContaining('#token=')).toContain(`${robot.url}#token=${robot.token}`);
    } finally {
      await robot.stop();
    }
  });

  it.each([['short', 'abc123'], ['upper case', 'A'.repeat(64)], ['not hex', 'z'.repeat(64)]])('refuses a %s LOBBY_ROBOT_TOKEN with exit 78', async (_name, token) => {
    const result = await runCli(['start', '--no-window', '--port', '0', '--data', tempDir()], { LOBBY_ROBOT_TOKEN: token });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('LOBBY_ROBOT_TOKEN');
    expect(result.stderr).not.toContain(token);
  });
});
