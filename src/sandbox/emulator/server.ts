import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultQueue } from './faults.js';
import { parseBody, readBody, sendJson, sendText } from './http.js';
import type { Caller, MethodContext } from './methods/context.js';
import { SlackApiError } from './methods/context.js';
import { METHODS } from './methods/index.js';
import type { ResponseUrlRegistry } from './response-urls.js';
import { deliverResponse, responsePayloadSchema } from './responses.js';
import type { WorkspaceState } from './state.js';
import type { TriggerRegistry } from './triggers.js';
import type { JsonObject } from './types.js';

export interface EmulatorServerDeps {
  state: WorkspaceState;
  triggers: TriggerRegistry;
  responseUrls: ResponseUrlRegistry;
  faults: FaultQueue;
  /** Known tokens and who they belong to. */
  tokens: Map<string, Caller>;
  /** Base URL the app reaches the emulator at; when unset it is taken from the request's Host header. */
  baseUrl: () => string | undefined;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Answers `/api/<method>`, `/response-url/<id>` and `/upload/<fileId>`; returns false for any other path. */
export function createRequestHandler(deps: EmulatorServerDeps): RequestHandler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const [, root, rest] = url.pathname.match(/^\/(api|response-url|upload)\/([^/]+)\/?$/) ?? [];
    if (!root || !rest) return false;
    const baseUrl = deps.baseUrl() ?? `http://${req.headers.host ?? '127.0.0.1'}`;
    try {
      const body = await readBody(req);
      if (root === 'api') await handleApi(deps, req, res, rest, body, url, baseUrl);
      else if (root === 'response-url') await handleResponseUrl(deps, req, res, rest, body);
      else await handleUpload(deps, req, res, rest, body);
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error', detail: String(error) });
    }
    return true;
  };
}

async function handleApi(
  deps: EmulatorServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  body: Buffer,
  url: URL,
  baseUrl: string,
): Promise<void> {
  const fields = {
    ...Object.fromEntries(url.searchParams),
    ...(await parseBody(body, req.headers['content-type'])),
  };
  const bearer = /^Bearer\s+(\S.*)$/i.exec(req.headers.authorization ?? '')?.[1];
  const token = bearer ?? (typeof fields.token === 'string' ? fields.token : undefined);
  const { token: _dropped, ...args } = fields;
  const answer = (status: number, response: unknown, headers: Record<string, string> = {}) => {
    deps.state.logCall({ method, args, token, at: deps.state.clock(), status, response });
    sendJson(res, status, response, headers);
  };

  const fault = deps.faults.take(method);
  if (fault?.status === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault?.status === 429) {
    return answer(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter ?? 1) });
  }
  if (fault?.status === 200) return answer(200, { ok: false, error: fault.error });
  if (fault && fault.status !== 'slow') return answer(fault.status, { ok: false, error: 'internal_error' });

  const handler = METHODS[method];
  if (!handler) return answer(200, { ok: false, error: 'unknown_method' });
  if (!token) return answer(200, { ok: false, error: 'not_authed' });
  const caller = deps.tokens.get(token);
  if (!caller) return answer(200, { ok: false, error: 'invalid_auth' });

  const ctx: MethodContext = {
    state: deps.state,
    triggers: deps.triggers,
    responseUrls: deps.responseUrls,
    caller,
    baseUrl,
  };
  try {
    answer(200, await handler(args, ctx));
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
    answer(200, { ok: false, error: error.code, ...error.extra });
  }
}

async function handleResponseUrl(
  deps: EmulatorServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  body: Buffer,
): Promise<void> {
  let fields: JsonObject;
  try {
    fields = await parseBody(body, req.headers['content-type'] ?? 'application/json');
  } catch {
    return sendJson(res, 400, { ok: false, error: 'invalid_payload' });
  }
  const payload = responsePayloadSchema.safeParse(fields);
  if (!payload.success) return sendJson(res, 400, { ok: false, error: 'invalid_payload' });
  const used = deps.responseUrls.use(id);
  if (!used.ok) return sendJson(res, 404, { ok: false, error: used.error });
  try {
    deliverResponse(deps.state, used.target, payload.data, 'response_url');
    sendJson(res, 200, { ok: true });
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
    sendJson(res, 400, { ok: false, error: error.code, ...error.extra });
  }
}

async function handleUpload(
  deps: EmulatorServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  fileId: string,
  body: Buffer,
): Promise<void> {
  const file = deps.state.files.get(fileId);
  if (!file || file.completed) return sendText(res, 404, 'file not found');
  const contentType = req.headers['content-type'] ?? '';
  let bytes = body;
  if (contentType.includes('multipart/form-data')) {
    const fields = await parseBody(body, contentType);
    const part = Object.values(fields).find((v): v is Buffer => Buffer.isBuffer(v));
    bytes = part ?? Buffer.alloc(0);
  }
  file.bytes = bytes;
  file.length = bytes.length;
  file.uploaded = true;
  sendText(res, 200, `OK - ${bytes.length}`);
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts a standalone HTTP server on 127.0.0.1 (port 0 = any free port). */
export function listen(handler: RequestHandler, port = 0): Promise<RunningServer> {
  const server = createServer((req, res) => {
    handler(req, res).then(
      (handled) => {
        if (!handled) sendJson(res, 404, { ok: false, error: 'not_found' });
      },
      () => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error' });
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
