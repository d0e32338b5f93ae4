import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type OrgMember, orgAdminActions } from './cloud-org.js';
import { parseBody, readBody, sendJson, sendText } from './emulator/http.js';
import { type InstallTarget, OAuthError, OAuthGrants } from './emulator/oauth/grants.js';
import { listen, type RequestHandler, type RunningServer } from './emulator/server.js';
import type { CallLogEntry, Clock, JsonObject } from './emulator/types.js';
import { DEMO_SEED, seedForTeam, type WorkspaceSeed } from './seed.js';
import { createSlackEmulator, type SlackEmulator } from './slack-emulator.js';

export interface SlackCloudOptions {
  signingSecret: string;
  clientId: string;
  clientSecret: string;
  /** Seconds a bot token lives when token rotation is on; null (default) = classic tokens that never expire. */
  tokenLifetimeSeconds?: number | null;
  clock?: Clock;
}

export type CloudWorkspace = OrgMember;

export interface CloudCall extends CallLogEntry {
  teamId: string | null;
}

/**
 * Several emulated workspaces behind one Slack: `/api/*` is routed by the caller's token to the workspace it was
 * issued for (expired, revoked and unknown tokens get Slack's errors), `/oauth/v2/authorize` is the consent page
 * and `oauth.v2.access` exchanges codes and refresh tokens. Each workspace is a full emulator with its own
 * driver and call log; its response URLs and file uploads live under `/t/<team id>/`.
 */
export function createSlackCloud(options: SlackCloudOptions) {
  const clock = options.clock ?? Date.now;
  const grants = new OAuthGrants(clock, options.tokenLifetimeSeconds ?? null);
  const workspaces = new Map<string, CloudWorkspace>();
  const oauthCalls: CloudCall[] = [];
  let appUrl: string | undefined;
  let baseUrl = 'http://127.0.0.1';
  let redirectUri: string | undefined;

  function addWorkspace(teamId: string, extra: { enterpriseId?: string; seed?: WorkspaceSeed } = {}) {
    const seed = seedForTeam(extra.seed ?? DEMO_SEED, teamId);
    const emulator = createSlackEmulator({
      signingSecret: options.signingSecret,
      // Never handed out: the app only ever holds tokens issued through the OAuth flow.
      botToken: `xoxb-unissued-${randomBytes(12).toString('hex')}`,
      seed: {
        ...seed,
        team: {
          ...seed.team,
          name: `${seed.team.name} ${teamId}`,
          ...(extra.enterpriseId
            ? { enterpriseId: extra.enterpriseId, enterpriseName: 'Emulated Grid' }
            : {}),
        },
      },
      clock,
    });
    emulator.setBaseUrl(`${baseUrl}/t/${teamId}`);
    if (appUrl) emulator.setAppUrl(appUrl);
    workspaces.set(teamId, { emulator, enterpriseId: extra.enterpriseId ?? null, orgAccess: true });
    return emulator;
  }

  const workspace = (teamId: string): SlackEmulator => {
    const found = workspaces.get(teamId)?.emulator;
    if (!found) throw new Error(`slack cloud: no workspace ${teamId}`);
    return found;
  };

  function authorize(url: URL, res: ServerResponse) {
    const q = url.searchParams;
    if (q.get('client_id') !== options.clientId) return sendText(res, 400, 'invalid_client_id');
    const target = q.get('redirect_uri') ?? redirectUri;
    if (!target || (redirectUri && target !== redirectUri)) return sendText(res, 400, 'bad_redirect_uri');
    const state = q.get('state') ?? '';
    const back = new URL(target);
    if (state) back.searchParams.set('state', state);
    const teamId = q.get('team');
    const enterpriseId = q.get('enterprise');
    if (!teamId && !enterpriseId) {
      const links = [...workspaces.keys()]
        .map((id) => `<li><a href="${url.pathname}?${q.toString()}&amp;team=${id}">${id}</a></li>`)
        .join('');
      return sendHtml(res, `<h1>Choose a workspace</h1><ul>${links}</ul>`);
    }
    if (q.get('deny') === '1') {
      back.searchParams.set('error', 'access_denied');
      return redirect(res, back);
    }
    const scopes = (q.get('scope') ?? '').split(',').filter(Boolean);
    const installTarget = targetFor(teamId, enterpriseId, q.get('user') ?? 'U0REP');
    if (!installTarget) return sendText(res, 400, 'unknown workspace');
    back.searchParams.set('code', grants.issueCode(installTarget, scopes, target));
    redirect(res, back);
  }

  function targetFor(
    teamId: string | null,
    enterpriseId: string | null,
    userId: string,
  ): InstallTarget | null {
    const members = [...workspaces.entries()].filter(([id, w]) =>
      teamId ? id === teamId : w.enterpriseId === enterpriseId,
    );
    const first = members[0]?.[1].emulator;
    if (!first) return null;
    return {
      teamId,
      teamName: teamId ? first.state.team.name : null,
      enterpriseId: teamId ? (members[0]![1].enterpriseId ?? null) : enterpriseId,
      enterpriseName: enterpriseId || members[0]![1].enterpriseId ? 'Emulated Grid' : null,
      isEnterpriseInstall: !teamId,
      botUserId: first.state.bot.userId,
      appId: first.state.bot.appId,
      installerUserId: userId,
    };
  }

  async function oauthAccess(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fields = await parseBody(await readBody(req), req.headers['content-type']);
    const str = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
    const authorization = req.headers.authorization ?? '';
    const basic = /^basic /i.test(authorization) ? authorization.slice(6).trim() || undefined : undefined;
    const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
    const clientId = str('client_id') ?? basicId;
    const clientSecret = str('client_secret') ?? basicSecret;
    const answer = (response: JsonObject) => {
      const { client_secret: _s, code: _c, refresh_token: _r, ...args } = fields;
      oauthCalls.push({
        method: 'oauth.v2.access',
        args,
        token: undefined,
        at: clock(),
        status: 200,
        response,
        teamId: null,
      });
      sendJson(res, 200, response);
    };
    if (clientId !== options.clientId) return answer({ ok: false, error: 'invalid_client_id' });
    if (clientSecret !== options.clientSecret) return answer({ ok: false, error: 'bad_client_secret' });
    try {
      const grant = str('grant_type');
      const result =
        grant === 'refresh_token'
          ? grants.refresh(str('refresh_token') ?? '')
          : grants.exchangeCode(str('code') ?? '', str('redirect_uri'));
      for (const [id, w] of workspaces) {
        const t = result.issued.target;
        if (t.teamId ? id === t.teamId : w.enterpriseId === t.enterpriseId) {
          w.emulator.addToken(result.issued.token, t.botUserId);
          if (t.isEnterpriseInstall) w.emulator.state.team.orgWideInstall = true;
        }
      }
      answer({ ...result.response, grant_type: grant ?? 'authorization_code' });
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      answer({ ok: false, error: error.code });
    }
  }

  const handle: RequestHandler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'GET' && url.pathname === '/oauth/v2/authorize') {
      authorize(url, res);
      return true;
    }
    if (url.pathname === '/api/oauth.v2.access') {
      await oauthAccess(req, res);
      return true;
    }
    const scoped = /^\/t\/([A-Z0-9]+)(\/.*)$/.exec(url.pathname);
    if (scoped) {
      const w = workspaces.get(scoped[1]!);
      if (!w) return false;
      req.url = `${scoped[2]}${url.search}`;
      return w.emulator.handle(req, res);
    }
    if (!url.pathname.startsWith('/api/')) return false;
    const token = /^Bearer\s+(\S.*)$/i.exec(req.headers.authorization ?? '')?.[1];
    const issued = token ? grants.lookup(token) : undefined;
    if (!token) sendJson(res, 200, { ok: false, error: 'not_authed' });
    else if (!issued) sendJson(res, 200, { ok: false, error: 'invalid_auth' });
    else if (issued.revoked) sendJson(res, 200, { ok: false, error: 'token_revoked' });
    else if (issued.expiresAt !== null && issued.expiresAt <= clock()) {
      sendJson(res, 200, { ok: false, error: 'token_expired' });
    } else if (url.pathname === '/api/auth.teams.list') {
      authTeamsList(issued.target, token!, res);
    } else {
      const teamId = issued.target.teamId ?? teamOfEnterpriseCall(issued.target.enterpriseId);
      const w = teamId ? workspaces.get(teamId) : undefined;
      if (!w) sendJson(res, 200, { ok: false, error: 'team_not_found' });
      else return w.emulator.handle(req, res);
    }
    return true;
  };

  /** `auth.teams.list`: the workspaces an org-wide token may act in (a workspace token: its own). */
  function authTeamsList(target: InstallTarget, token: string, res: ServerResponse) {
    const teams = [...workspaces.entries()]
      .filter(([id, w]) =>
        target.teamId ? id === target.teamId : w.enterpriseId === target.enterpriseId && w.orgAccess,
      )
      .map(([id, w]) => ({ id, name: w.emulator.state.team.name }));
    const response = { ok: true, teams, response_metadata: { next_cursor: '' } };
    oauthCalls.push({
      method: 'auth.teams.list',
      args: {},
      token,
      at: clock(),
      status: 200,
      response,
      teamId: null,
    });
    sendJson(res, 200, response);
  }

  /** An org-wide token acts in the org's workspaces; the emulator routes it to the org's first one. */
  const teamOfEnterpriseCall = (enterpriseId: string | null) =>
    [...workspaces.entries()].find(([, w]) => w.enterpriseId === enterpriseId && w.orgAccess)?.[0];

  return {
    addWorkspace,
    workspace,
    handle,
    grants,
    async listen(port = 0): Promise<RunningServer> {
      const server = await listen(handle, port);
      baseUrl = server.url;
      for (const [id, w] of workspaces) w.emulator.setBaseUrl(`${baseUrl}/t/${id}`);
      return server;
    },
    get apiUrl() {
      return `${baseUrl}/api/`;
    },
    get baseUrl() {
      return baseUrl;
    },
    setAppUrl(url: string) {
      appUrl = url;
      for (const w of workspaces.values()) w.emulator.setAppUrl(url);
    },
    /** The redirect URL registered in the app's settings (Slack refuses any other). */
    setRedirectUri(url: string) {
      redirectUri = url;
    },
    /** Web API calls of every workspace (with the token each used) and the OAuth exchanges. */
    calls(method?: string): CloudCall[] {
      const all: CloudCall[] = [...oauthCalls];
      for (const [teamId, w] of workspaces) all.push(...w.emulator.calls().map((c) => ({ ...c, teamId })));
      return method ? all.filter((c) => c.method === method) : all;
    },
    /** The workspace removes the app: its tokens stop working at once (events are sent by the test). */
    revokeTeam(teamId: string) {
      return grants.revokeAll(teamId, null);
    },
    /** Enterprise Grid admins: uninstall an org-wide install, remove it from or add it to one workspace. */
    ...orgAdminActions(workspaces, grants),
  };
}

export type SlackCloud = ReturnType<typeof createSlackCloud>;

function redirect(res: ServerResponse, to: URL): void {
  res.writeHead(302, { location: to.toString() }).end();
}

function sendHtml(res: ServerResponse, body: string): void {
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(`<!doctype html><html><body>${body}</body></html>`);
}
