/**
 * A small local OpenAI-compatible HTTP server for tests (node:http on 127.0.0.1, random port).
 * Point the real `openai` client at `server.baseURL` and script what it answers.
 *
 *   const server = await startOpenAIMockServer();
 *   server.reply(chatCompletion('{"a":1}'));                      // 200 JSON body
 *   server.replyStatus(429, errorBody('rate_limit_exceeded', 'Slow down'), { 'retry-after-ms': '5' });
 *   server.reply(body, { delayMs: 500 });                         // slow reply (timeouts)
 *   server.replyWith((req) => ({ body: chatCompletion(JSON.stringify(req.body)) }));  // computed reply
 *   ... run code ...
 *   server.requests[0].body.messages                             // what the client sent (parsed JSON)
 *   await server.close();
 *
 * Serves POST /v1/chat/completions and /chat/completions (and any other POST path under /v1 via `paths`).
 * Replies are consumed in order, one per request (retries each consume one). When the queue is empty the
 * server answers 500 with an OpenAI-shaped error saying so, so a missing script fails loudly.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
  status?: number;
  /** Objects are sent as JSON; strings are sent as they are. */
  body: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  rawBody: string;
  /** Parsed JSON body (null if it was not JSON). */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary request fields
  body: any;
}

type Responder = (request: RecordedRequest) => ScriptedReply | Promise<ScriptedReply>;

export interface OpenAIMockServer {
  /** e.g. http://127.0.0.1:54321/v1 — pass as the client's baseURL. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  reply(body: unknown, options?: Omit<ScriptedReply, 'body'>): OpenAIMockServer;
  replyStatus(status: number, body: unknown, headers?: Record<string, string>): OpenAIMockServer;
  replyWith(responder: Responder): OpenAIMockServer;
  /** Scripted replies not consumed yet. */
  pending(): number;
  close(): Promise<void>;
}

export interface MockServerOptions {
  /** Paths served besides /v1/chat/completions and /chat/completions. */
  paths?: string[];
}

const DEFAULT_PATHS = ['/v1/chat/completions', '/chat/completions'];

/** An OpenAI error body (shape of ErrorResponse in the OpenAPI spec). */
export function errorBody(
  code: string | null,
  message: string,
  type = 'invalid_request_error',
  param: string | null = null,
) {
  return { error: { message, type, param, code } };
}

export interface ChatCompletionOptions {
  finishReason?: 'stop' | 'length' | 'content_filter';
  refusal?: string | null;
  model?: string;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
}

/** A Chat Completions response body with one choice. */
export function chatCompletion(content: string | null, options: ChatCompletionOptions = {}) {
  const usage = options.usage === undefined ? { prompt_tokens: 100, completion_tokens: 50 } : options.usage;
  return {
    id: 'chatcmpl-mock',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: options.model ?? 'mock-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: options.refusal ?? null },
        logprobs: null,
        finish_reason: options.finishReason ?? 'stop',
      },
    ],
    ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, reply: ScriptedReply): void {
  if (res.destroyed || res.writableEnded) return;
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
  res.end(text);
}

export async function startOpenAIMockServer(options: MockServerOptions = {}): Promise<OpenAIMockServer> {
  const paths = new Set([...DEFAULT_PATHS, ...(options.paths ?? [])]);
  const queue: Responder[] = [];
  const requests: RecordedRequest[] = [];

  const server = createServer(async (req, res) => {
    const rawBody = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let body: unknown = null;
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = null;
    }
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      rawBody,
      body,
    };
    if (req.method !== 'POST' || !paths.has(path)) {
      send(res, { status: 404, body: errorBody('not_found', `mock: no route for ${req.method} ${path}`) });
      return;
    }
    requests.push(request);
    const responder = queue.shift();
    const reply: ScriptedReply = responder
      ? await responder(request)
      : { status: 500, body: errorBody('mock_queue_empty', 'mock: no scripted reply left', 'server_error') };
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    send(res, reply);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const api: OpenAIMockServer = {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    reply(body, opts = {}) {
      queue.push(() => ({ ...opts, body }));
      return api;
    },
    replyStatus(status, body, headers) {
      queue.push(() => ({ status, body, ...(headers ? { headers } : {}) }));
      return api;
    },
    replyWith(responder) {
      queue.push(responder);
      return api;
    },
    pending: () => queue.length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
  return api;
}
