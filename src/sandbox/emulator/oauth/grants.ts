import { randomBytes } from 'node:crypto';
import type { Clock, JsonObject } from '../types.js';

export interface InstallTarget {
  teamId: string | null;
  teamName: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  isEnterpriseInstall: boolean;
  botUserId: string;
  appId: string;
  installerUserId: string;
}

export interface IssuedToken {
  token: string;
  target: InstallTarget;
  scopes: string[];
  /** Milliseconds since epoch; null = never expires (no token rotation). */
  expiresAt: number | null;
  revoked: boolean;
}

interface PendingCode {
  target: InstallTarget;
  scopes: string[];
  redirectUri: string;
  expiresAt: number;
}

const CODE_LIFETIME_MS = 10 * 60_000;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export class OAuthError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * What Slack's OAuth server remembers: one-time codes (10 minutes), bot tokens and, with token rotation,
 * refresh tokens that each work once (a refresh returns a new pair).
 */
export class OAuthGrants {
  private readonly codes = new Map<string, PendingCode>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, { target: InstallTarget; scopes: string[] }>();

  constructor(
    private readonly clock: Clock,
    /** Seconds a rotating token lives; null = classic long-lived tokens. */
    private readonly tokenLifetimeSeconds: number | null,
  ) {}

  issueCode(target: InstallTarget, scopes: string[], redirectUri: string): string {
    const code = `${Date.now().toString(36)}.${hex(12)}`;
    this.codes.set(code, { target, scopes, redirectUri, expiresAt: this.clock() + CODE_LIFETIME_MS });
    return code;
  }

  exchangeCode(code: string, redirectUri: string | undefined): { response: JsonObject; issued: IssuedToken } {
    const pending = this.codes.get(code);
    this.codes.delete(code);
    if (!pending || pending.expiresAt < this.clock()) throw new OAuthError('invalid_code');
    if (redirectUri !== undefined && redirectUri !== pending.redirectUri)
      throw new OAuthError('bad_redirect_uri');
    const issued = this.issue(pending.target, pending.scopes);
    return { response: this.accessResponse(issued, true), issued };
  }

  refresh(refreshToken: string): { response: JsonObject; issued: IssuedToken } {
    const grant = this.refreshTokens.get(refreshToken);
    if (!grant) throw new OAuthError('invalid_refresh_token');
    this.refreshTokens.delete(refreshToken);
    const issued = this.issue(grant.target, grant.scopes);
    return { response: this.accessResponse(issued, false), issued };
  }

  lookup(token: string): IssuedToken | undefined {
    return this.tokens.get(token);
  }

  /** Uninstall / revocation: every token and refresh token of the workspace (or org) stops working. */
  revokeAll(teamId: string | null, enterpriseId: string | null): string[] {
    const revoked: string[] = [];
    for (const issued of this.tokens.values()) {
      const t = issued.target;
      if (teamId ? t.teamId === teamId : t.enterpriseId === enterpriseId && t.isEnterpriseInstall) {
        issued.revoked = true;
        revoked.push(issued.token);
      }
    }
    for (const [refresh, grant] of this.refreshTokens) {
      if (teamId ? grant.target.teamId === teamId : grant.target.enterpriseId === enterpriseId) {
        this.refreshTokens.delete(refresh);
      }
    }
    return revoked;
  }

  private issue(target: InstallTarget, scopes: string[]): IssuedToken {
    const rotating = this.tokenLifetimeSeconds !== null;
    const token = `${rotating ? 'xoxe.' : ''}xoxb-${target.teamId ?? target.enterpriseId}-${hex(12)}`;
    const issued: IssuedToken = {
      token,
      target,
      scopes,
      expiresAt: rotating ? this.clock() + this.tokenLifetimeSeconds! * 1000 : null,
      revoked: false,
    };
    this.tokens.set(token, issued);
    return issued;
  }

  private accessResponse(issued: IssuedToken, withInstallDetails: boolean): JsonObject {
    const { target } = issued;
    const rotation: JsonObject = {};
    if (this.tokenLifetimeSeconds !== null) {
      const refresh = `xoxe-1-${hex(16)}`;
      this.refreshTokens.set(refresh, { target, scopes: issued.scopes });
      rotation.refresh_token = refresh;
      rotation.expires_in = this.tokenLifetimeSeconds;
    }
    const base: JsonObject = {
      ok: true,
      app_id: target.appId,
      access_token: issued.token,
      token_type: 'bot',
      scope: issued.scopes.join(','),
      bot_user_id: target.botUserId,
      team: target.teamId ? { id: target.teamId, name: target.teamName } : null,
      enterprise: target.enterpriseId ? { id: target.enterpriseId, name: target.enterpriseName } : null,
      is_enterprise_install: target.isEnterpriseInstall,
      ...rotation,
    };
    return withInstallDetails ? { ...base, authed_user: { id: target.installerUserId } } : base;
  }
}
