/**
 * Issue 16 point 13: `doctor` checks the motion board, the scanners and the center as configured,
 * and probes the controller on the configured port.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { runCli, tempDir, writeConfig } from '../../support/robot-process';

function fakeCenter(): Promise<Server> {
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('lobby-robot doctor', () => {
  it('names a missing board and scanner as faults and finds the center answering', async () => {
    const center = await fakeCenter();
    try {
      const port = (center.address() as { port: number }).port;
      const dir = tempDir();
      const file = writeConfig(dir, {
        profile: 'production', robotId: 'robot-4', dataDir: join(dir, 'data'), printer: { adapter: 'none' },
        controller: { port: 18765 },
        motion: { adapter: 'johnny-five', path: join(dir, 'no-board') },
        scanners: [{ adapter: 'serial', id: 'desk', path: join(dir, 'no-scanner') }],
        center: { url: `http://127.0.0.1:${port}`, enrolmentCode: 'ABCD2345' },
      });
      const result = await runCli(['doctor', '--config', file]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`^motion board\\s+johnny-five ${join(dir, 'no-board')}\\s+FAULT\\s+no such device`, 'm'));
      expect(result.stdout).toMatch(new RegExp(`^scanner desk\\s+serial ${join(dir, 'no-scanner')}\\s+FAULT`, 'm'));
      expect(result.stdout).toMatch(new RegExp(`^center\\s+http://127\\.0\\.0\\.1:${port}\\s+OK\\s+answers; not enrolled yet`, 'm'));
      expect(result.stdout).toMatch(/^controller\s+http:\/\/127\.0\.0\.1:18765\s/m);
    } finally {
      center.close();
    }
  });

  it('says when the configured center does not answer', async () => {
    const dir = tempDir();
    const file = writeConfig(dir, { profile: 'production', robotId: 'robot-5', dataDir: join(dir, 'data'), printer: { adapter: 'none' }, center: { url: 'http://127.0.0.1:9' } });
    const result = await runCli(['doctor', '--config', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^center\s+http:\/\/127\.0\.0\.1:9\s+FAULT\s+no answer/m);
    expect(result.stdout).toMatch(/^motion board\s+none\s+SKIP/m);
  });
});
