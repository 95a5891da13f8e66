// Sends one raw HTTP request to a test server on 127.0.0.1 and collects status + headers
// (repeated fields kept as arrays).
import http from 'node:http';
import type { HttpRequest } from '../../src/simulate/types.js';

export function send(port: number, req: HttpRequest): Promise<{ status: number; headers: Record<string, string | string[]> }> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers: req.headers, agent: false }, (res) => {
      const headers: Record<string, string | string[]> = {};
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        const name = res.rawHeaders[i]!.toLowerCase();
        const value = res.rawHeaders[i + 1]!;
        const old = headers[name];
        headers[name] = old === undefined ? value : [...(Array.isArray(old) ? old : [old]), value];
      }
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers }));
    });
    r.on('error', reject);
    r.end();
  });
}

/** Sends each request in turn to a started server, then closes it: the real answers, in order. */
export async function answersOf(server: http.Server, requests: HttpRequest[]): Promise<Array<{ status: number; headers: Record<string, string | string[]> }>> {
  const port = (server.address() as { port: number }).port;
  const answers: Array<{ status: number; headers: Record<string, string | string[]> }> = [];
  try {
    for (const request of requests) answers.push(await send(port, request));
  } finally {
    server.close();
  }
  return answers;
}
