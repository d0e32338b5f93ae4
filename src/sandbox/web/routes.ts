import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ZodError } from 'zod';
import type { RouteHandler } from '../../http/server.js';
import { readBody, sendJson } from '../emulator/http.js';
import type { SlackEmulator } from '../slack-emulator.js';
import { type ApiContext, isApiName, isJsonRequest, runApi } from './api.js';
import { ChangeStream } from './events.js';
import { sandboxPage } from './page.js';
import { readManifestInfo } from './shortcuts.js';
import { buildSnapshot } from './snapshot.js';

const CLIENT_DIR = new URL('./client/', import.meta.url);
const ASSET_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface SandboxWeb {
  /** Answers /sandbox, /sandbox/assets/*, /sandbox/events and /sandbox/api/*; false for other paths. */
  handle: RouteHandler;
  /** Ends open event streams (call before closing the HTTP server). */
  close(): void;
}

/** The browser sandbox: a Slack-like page whose every action goes to the app through the emulator's driver. */
export async function createSandboxWeb(emulator: SlackEmulator): Promise<SandboxWeb> {
  const manifest = await readManifestInfo();
  const assetNames = new Set((await readdir(CLIENT_DIR)).filter((name) => /^[\w-]+\.(js|css)$/.test(name)));
  const assetVersion = String(Date.now());
  const stream = new ChangeStream(emulator.state);
  const ctx: ApiContext = {
    state: emulator.state,
    driver: emulator.driver,
    botDisplayName: manifest.botDisplayName,
    commands: ['/vision'],
  };

  const defaultUser = () => [...emulator.state.users.values()].find((u) => !u.isBot && !u.deleted)?.id ?? '';
  const userParam = (url: URL) => {
    const requested = url.searchParams.get('user') ?? '';
    const user = emulator.state.users.get(requested);
    return user && !user.isBot ? user.id : defaultUser();
  };

  async function serveAsset(res: ServerResponse, name: string): Promise<void> {
    const ext = name.split('.').at(-1) ?? '';
    if (!assetNames.has(name) || !ASSET_TYPES[ext]) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = await readFile(new URL(name, CLIENT_DIR));
    res
      .writeHead(200, {
        'content-type': ASSET_TYPES[ext],
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      })
      .end(body);
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (!isApiName(name)) return sendJson(res, 404, { ok: false, error: 'unknown sandbox action' });
    // JSON only: a cross-site form cannot send it without a CORS preflight, which we never allow.
    if (!isJsonRequest(req)) return sendJson(res, 415, { ok: false, error: 'send application/json' });
    try {
      const body: unknown = JSON.parse((await readBody(req)).toString('utf8') || '{}');
      const result = await runApi(ctx, name, body);
      sendJson(res, result.ok ? 200 : 400, result);
    } catch (error) {
      const message =
        error instanceof ZodError
          ? `invalid request: ${error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`
          : error instanceof Error
            ? error.message.replace(/^emulator: /, '')
            : String(error);
      sendJson(res, 400, { ok: false, error: message });
    }
  }

  const handle: RouteHandler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    if (path !== '/sandbox' && !path.startsWith('/sandbox/')) return false;
    if (req.method === 'GET' && (path === '/sandbox' || path === '/sandbox/')) {
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'content-security-policy': PAGE_CSP,
          'x-content-type-options': 'nosniff',
        })
        .end(sandboxPage({ teamName: emulator.state.team.name, assetVersion }));
    } else if (req.method === 'GET' && path.startsWith('/sandbox/assets/')) {
      await serveAsset(res, path.slice('/sandbox/assets/'.length));
    } else if (req.method === 'GET' && path === '/sandbox/events') {
      stream.open(req, res);
    } else if (req.method === 'GET' && path === '/sandbox/api/state') {
      const snapshot = buildSnapshot(
        emulator.state,
        userParam(url),
        manifest.messageShortcuts,
        manifest.botDisplayName,
      );
      sendJson(res, 200, snapshot, { 'cache-control': 'no-store' });
    } else if (req.method === 'POST' && path.startsWith('/sandbox/api/')) {
      await serveApi(req, res, path.slice('/sandbox/api/'.length));
    } else {
      sendJson(res, 404, { ok: false, error: 'not_found' });
    }
    return true;
  };

  return { handle, close: () => stream.closeAll() };
}
