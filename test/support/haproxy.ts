/**
 * HAProxy from Debian's package as the balancer in front of several center instances: a config
 * generated in a temp dir (loopback, a free port), health checks against each instance's
 * /healthz, the process started in the foreground and stopped by its pid. Missing binary: the
 * test fails saying how to install it, never skips.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './postgres';

const HAPROXY = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The config docs/install.md shows, on loopback: round robin, an instance whose /healthz fails
 * twice (0.5 s apart) is taken out and back in after two good answers; a request whose instance
 * refused the connection or died before answering is sent to the other one (the robot protocol's
 * writes are idempotent: lease request ids, ticket ids), and SSE streams may stay open for hours.
 */
export function haproxyConfig(port: number, servers: readonly { name: string; port: number }[]): string {
  return `global
  maxconn 2048

defaults
  mode http
  option forwardfor
  option redispatch
  retries 3
  retry-on conn-failure empty-response
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout tunnel 1h

frontend center
  bind 127.0.0.1:${port}
  default_backend centers

backend centers
  balance roundrobin
  option httpchk GET /healthz
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
${servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port} check`).join('\n')}
`;
}

export async function startHaproxy(servers: readonly { name: string; port: number }[]): Promise<Balancer> {
  if (!existsSync(HAPROXY)) throw new Error(`haproxy not found at ${HAPROXY}: install it with "apt-get install haproxy" (Debian 12 ships HAProxy 2.6), or set HAPROXY_BIN`);
  const dir = mkdtempSync(join(tmpdir(), 'lobby-haproxy-'));
  const port = await freePort();
  const cfg = join(dir, 'haproxy.cfg');
  writeFileSync(cfg, haproxyConfig(port, servers));
  // -db: stay in the foreground, the test owns the process
  const child: ChildProcess = spawn(HAPROXY, ['-db', '-f', cfg], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // ready once it accepts connections (any answer, even a 503 before the first health check)
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
    if (up) break;
    if (child.exitCode !== null) throw new Error(`haproxy exited at start (${child.exitCode}): ${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
