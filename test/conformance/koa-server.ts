import type { Server } from 'node:http';
import Koa from 'koa';

/** A Koa app on 127.0.0.1 with one CORS middleware in front of a handler that answers /status/N with N. */
export function serveKoa(middleware: Koa.Middleware): Promise<Server> {
  const app = new Koa();
  app.use(middleware);
  app.use((ctx) => {
    const m = /^\/status\/(\d+)$/.exec(ctx.path);
    ctx.status = m ? Number(m[1]) : 200;
    ctx.body = 'app';
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}
