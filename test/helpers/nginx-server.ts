import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

/** Debian's nginx; conformance tests skip without it unless CI=true (then they fail). */
export const NGINX = '/usr/sbin/nginx';

export function nginxAvailable(suite: string): boolean {
  const available = fs.existsSync(NGINX);
  if (!available && process.env.CI !== 'true') console.log(`skipping ${suite}: ${NGINX} is not installed`);
  return available || process.env.CI === 'true';
}

export interface RunningNginx {
  stop(): Promise<void>;
}

/** Starts nginx in the foreground with its prefix in `dir` and waits until it listens on `port`. */
export async function startNginx(dir: string, conf: string, port: number): Promise<RunningNginx> {
  if (!fs.existsSync(NGINX)) throw new Error(`${NGINX} must be installed when CI=true`);
  const user = process.getuid?.() === 0 ? ' user root;' : '';
  const child: ChildProcess = spawn(NGINX, ['-p', `${dir}/`, '-c', conf, '-g', `daemon off; pid ${dir}/nginx.pid; error_log stderr;${user}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  try {
    await waitForPort(port, 5000, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}

/**
 * A port for a server that is started later (nginx binds it itself). Ports come from below the
 * kernel's ephemeral range (where listen(0) servers of parallel test files land), from a slice per
 * test process, and are checked by binding them, so suites running side by side do not collide.
 */
const PORT_LOW = 20000;
const PORT_SLICES = 48;
const PORT_SLICE = 250;
let nextPort = PORT_LOW + (process.pid % PORT_SLICES) * PORT_SLICE;

export async function freePort(): Promise<number> {
  for (let tries = 0; tries < PORT_SLICES * PORT_SLICE; tries++) {
    const port = nextPort;
    nextPort = nextPort + 1 >= PORT_LOW + PORT_SLICES * PORT_SLICE ? PORT_LOW : nextPort + 1;
    if (await canBind(port)) return port;
  }
  throw new Error('no free port below the ephemeral range');
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export async function waitForPort(port: number, ms: number, log: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not start: ${log()}`);
}

/** One bounded request; response headers in wire order, names lowercased. */
export function request(
  port: number,
  method: string,
  p: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Array<[string, string]> }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers, agent: false, timeout: 3000 }, (res) => {
      res.resume();
      const list: Array<[string, string]> = [];
      for (let i = 0; i < res.rawHeaders.length; i += 2) list.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: list }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${p}`)));
    req.on('error', reject);
    req.end();
  });
}
