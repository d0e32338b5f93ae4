import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SALESFORCE_API_VERSION } from '../../config/crm.js';
import { parseBody, readBody, sendJson } from '../emulator/http.js';
import type { ConsentMode } from './consent.js';
import { hubspotApi } from './hubspot.js';
import {
  HUBSPOT_AUTHORIZE_PATH,
  HUBSPOT_REVOKE_PATH,
  HUBSPOT_TOKEN_PATH,
  hubspotAuthorize,
  hubspotRevoke,
  hubspotToken,
} from './hubspot-oauth.js';
import { salesforceData, salesforceToken } from './salesforce.js';
import { salesforceAuthorize, salesforceRevoke } from './salesforce-oauth.js';
import { type CrmEmulatorState, emptyState } from './state.js';

export interface CrmEmulator {
  state: CrmEmulatorState;
  /** Handles Salesforce (`/services/...`) and HubSpot (`/crm/...`) paths; false for any other. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  listen(port?: number): Promise<{ url: string; close(): Promise<void> }>;
}

/**
 * A local Salesforce org and HubSpot portal on one HTTP server, for tests and the sandbox: the token endpoint,
 * REST data API and HubSpot's CRM paths, with their limits and failures (401, 412, 429, validation rules).
 */
export function createCrmEmulator(
  options: { now?: () => Date; state?: CrmEmulatorState; consent?: ConsentMode } = {},
): CrmEmulator {
  const state = options.state ?? emptyState();
  const ask = options.consent === 'page';
  /** The consent form posts the authorize query back in its body. */
  const formOf = (body: unknown) =>
    new URLSearchParams(
      Object.entries((body ?? {}) as Record<string, unknown>).map(
        ([k, v]) => [k, String(v)] as [string, string],
      ),
    );
  const now = options.now ?? (() => new Date());
  const dataPrefix = `/services/data/v${SALESFORCE_API_VERSION}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://local');
    const isSalesforce = url.pathname.startsWith('/services/');
    const isHubSpotOAuth = [HUBSPOT_AUTHORIZE_PATH, HUBSPOT_TOKEN_PATH, HUBSPOT_REVOKE_PATH].includes(
      url.pathname,
    );
    if (!isSalesforce && !isHubSpotOAuth && !url.pathname.startsWith('/crm/')) return false;
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    try {
      const raw = await readBody(req);
      const body = await parseBody(raw, req.headers['content-type']);
      if (isSalesforce) {
        if (url.pathname === '/services/oauth2/authorize' && req.method === 'GET') {
          salesforceAuthorize(state.salesforce, res, url.searchParams, ask);
        } else if (url.pathname === '/services/oauth2/authorize' && req.method === 'POST' && ask) {
          salesforceAuthorize(state.salesforce, res, formOf(body), ask);
        } else if (url.pathname === '/services/oauth2/token' && req.method === 'POST') {
          salesforceToken(state.salesforce, res, body as Record<string, string>, origin);
        } else if (url.pathname === '/services/oauth2/revoke' && req.method === 'POST') {
          salesforceRevoke(state.salesforce, res, body as Record<string, string>);
        } else if (url.pathname.startsWith(`${dataPrefix}/`)) {
          salesforceData(
            state.salesforce,
            req,
            res,
            url.pathname.slice(dataPrefix.length),
            url.searchParams,
            body,
            now,
            `${origin}${dataPrefix}`,
          );
        } else {
          sendJson(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
        }
        return true;
      }
      if (url.pathname === HUBSPOT_AUTHORIZE_PATH && req.method === 'GET') {
        hubspotAuthorize(state.hubspot, res, url.searchParams, ask);
        return true;
      }
      if (url.pathname === HUBSPOT_AUTHORIZE_PATH && req.method === 'POST' && ask) {
        hubspotAuthorize(state.hubspot, res, formOf(body), ask);
        return true;
      }
      if (url.pathname === HUBSPOT_REVOKE_PATH && req.method === 'POST') {
        hubspotRevoke(state.hubspot, res, body as Record<string, string>, url.searchParams);
        return true;
      }
      if (url.pathname === HUBSPOT_TOKEN_PATH && req.method === 'POST') {
        hubspotToken(state.hubspot, res, body as Record<string, string>, url.searchParams, now().getTime());
        return true;
      }
      return hubspotApi(state.hubspot, req, res, url, body, now);
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: 'emulator_error', detail: String(error) });
      return true;
    }
  }

  return {
    state,
    handle,
    listen(port = 0) {
      const server = createServer((req, res) => {
        void handle(req, res).then((handled) => {
          if (!handled) sendJson(res, 404, { error: 'not_found' });
        });
      });
      server.on('error', () => undefined);
      return new Promise((resolve) => {
        server.listen(port, '127.0.0.1', () => {
          const { port: bound } = server.address() as AddressInfo;
          resolve({
            url: `http://127.0.0.1:${bound}`,
            close: () =>
              new Promise<void>((done) => {
                server.closeAllConnections();
                server.close(() => done());
              }),
          });
        });
      });
    },
  };
}
