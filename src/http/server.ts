import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppLogger } from '../logger.js';

/** A mounted handler returns true when it answered the request. */
export type RouteHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
) => Promise<boolean> | boolean;

export interface AppServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

/**
 * One HTTP server for everything: /healthz, Slack's requests on /slack/events, and (local mode) the emulator.
 * Handlers are tried in order; the first that answers wins.
 */
export async function startServer(
  port: number,
  handlers: RouteHandler[],
  logger: AppLogger,
  host = '0.0.0.0',
): Promise<AppServer> {
  const server = http.createServer(async (req, res) => {
    try {
      for (const handler of handlers) {
        if (await handler(req, res)) return;
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not_found' }));
    } catch (error) {
      logger.error(`request ${req.method} ${req.url?.split('?')[0]} failed`, error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal_error' }));
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

export function healthRoute(ping: () => Promise<boolean>, engine: string): RouteHandler {
  return async (req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/healthz') return false;
    const ok = await ping();
    res
      .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: ok ? 'ok' : 'degraded', database: { engine, reachable: ok } }));
    return true;
  };
}

/** Bolt's HTTP receiver, mounted at /slack/events (and, when installing in many workspaces, its OAuth paths). */
export function slackEventsRoute(
  listener: http.RequestListener,
  paths: readonly string[] = ['/slack/events'],
): RouteHandler {
  return (req, res) => {
    if (!paths.includes(req.url?.split('?')[0] ?? '')) return false;
    listener(req, res);
    return true;
  };
}
