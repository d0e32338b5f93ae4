import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppLogger } from '../logger.js';
import { guardSlackBody } from './slack-body-guard.js';

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
  const httpLogger = logger.child('http');
  const server = http.createServer(async (req, res) => {
    const requestId = assignRequestId(req, res);
    const started = performance.now();
    res.once('finish', () => logRequest(httpLogger, req, res, requestId, started));
    try {
      for (const handler of handlers) {
        // Routes that are not for this path say so without a promise: a Slack request passes several of them.
        const handled = handler(req, res);
        if (handled === true || (handled !== false && (await handled))) return;
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not_found' }));
    } catch (error) {
      httpLogger.with({ requestId }).error(`request ${req.method} ${pathOf(req.url)} failed`, error);
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

/** A caller's X-Request-Id when it looks like one (a load balancer's, a proxy's), else a new one; echoed back. */
const REQUEST_ID = /^[\w.:-]{8,100}$/;
function assignRequestId(req: http.IncomingMessage, res: http.ServerResponse): string {
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = requestId;
  res.setHeader('x-request-id', requestId);
  return requestId;
}

/**
 * Failures at warn; refused Slack requests (bad signature, bad body) at info; a Slack request that reached the app
 * at debug, since the request observer writes its one info line (listener, team, ack time, outcome); probes,
 * metrics scrapes and the local emulator's traffic at debug.
 */
function logRequest(
  logger: AppLogger,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  requestId: string,
  started: number,
): void {
  const path = pathOf(req.url);
  const level = res.statusCode >= 500 ? 'warn' : refusedSlackRequest(path, res.statusCode) ? 'info' : 'debug';
  if (!logger.isLevelEnabled(level)) return;
  const line = logger.with({
    requestId,
    method: req.method ?? '',
    path,
    status: res.statusCode,
    durationMs: Math.round(performance.now() - started),
  });
  line[level](REQUEST_LINE[level]);
}

const REQUEST_LINE = { warn: 'request failed', info: 'request refused', debug: 'request' } as const;

const refusedSlackRequest = (path: string, status: number) => path === '/slack/events' && status >= 400;

/** Liveness: the process answers. The database status is reported (503 "degraded" while it is unreachable). */
export function healthRoute(ping: () => Promise<boolean>, engine: string): RouteHandler {
  const answer = async (res: http.ServerResponse) => {
    const ok = await ping();
    res
      .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: ok ? 'ok' : 'degraded', database: { engine, reachable: ok } }));
    return true;
  };
  return (req, res) => req.method === 'GET' && pathOf(req.url) === '/healthz' && answer(res);
}

/** The path of a request's URL, without its query string. */
export function pathOf(url: string | undefined): string {
  if (!url) return '';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/**
 * Bolt's HTTP receiver, mounted at /slack/events (and, when installing in many workspaces, its OAuth paths).
 * Slack only POSTs events; other methods get 405. Bodies that are not an object never reach Bolt (see guardSlackBody).
 */
export function slackEventsRoute(
  listener: http.RequestListener,
  logger: AppLogger,
  paths: readonly string[] = ['/slack/events'],
): RouteHandler {
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, path: string) => {
    if (path !== '/slack/events') {
      listener(req, res);
      return true;
    }
    if (req.method !== 'POST') {
      req.resume();
      res
        .writeHead(405, { allow: 'POST', 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'method_not_allowed' }));
      return true;
    }
    if (await guardSlackBody(req, res, logger)) listener(req, res);
    return true;
  };
  return (req, res) => {
    const path = pathOf(req.url);
    return paths.includes(path) && handle(req, res, path);
  };
}
