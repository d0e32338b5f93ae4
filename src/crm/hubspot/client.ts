import type { HubSpotConfig } from '../../config/crm.js';
import { HUBSPOT_API_VERSION } from '../../config/crm.js';
import { type LimiterClock, type RollingWindowLimiter, realClock, withBackoff } from '../limiter.js';
import { CrmError } from '../ports.js';

interface HubSpotErrorBody {
  message?: unknown;
  category?: unknown;
  errors?: { message?: unknown }[];
}

function errorFor(status: number, body: HubSpotErrorBody, retryAfter: string | null): CrmError {
  const message = typeof body.message === 'string' ? body.message : `HubSpot answered HTTP ${status}`;
  if (status === 429) {
    const seconds = retryAfter !== null ? Number(retryAfter) : Number.NaN;
    return new CrmError('rate_limited', message, Number.isFinite(seconds) ? seconds * 1000 : null);
  }
  if (status === 400 && body.category === 'VALIDATION_ERROR') return new CrmError('validation', message);
  if (status === 400) return new CrmError('validation', message);
  if (status === 401) return new CrmError('auth', message);
  if (status === 403) return new CrmError('permission', message);
  if (status === 404) return new CrmError('not_found', message);
  return new CrmError('unavailable', message);
}

/** Where the bearer token comes from: a private-app token, or a team's OAuth session (renewed when refused). */
export interface HubSpotTokens {
  current(): Promise<string>;
  /** A new token after HubSpot refused `refused` with 401; null when it cannot be renewed. */
  renew?(refused: string): Promise<string>;
  /** The portal (hub id) the token belongs to, when known. */
  portalId?(): Promise<string | null>;
}

export const privateAppToken = (token: string): HubSpotTokens => ({ current: async () => token });

/**
 * A thin client on HubSpot's date-versioned CRM paths (`/crm/objects/2026-03/...`). Every request waits for
 * the portal's 10-second window and backs off on 429.
 */
export class HubSpotClient {
  readonly version = HUBSPOT_API_VERSION;
  private readonly tokens: HubSpotTokens;
  constructor(
    private readonly config: HubSpotConfig,
    private readonly limiter: RollingWindowLimiter,
    private readonly clock: LimiterClock = realClock,
    tokens?: HubSpotTokens,
  ) {
    const fixed = config.accessToken;
    if (!tokens && !fixed) throw new Error('HubSpot client needs a private-app token or an OAuth session');
    this.tokens = tokens ?? privateAppToken(fixed ?? '');
  }

  async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
    const token = await this.tokens.current();
    try {
      return await this.send<T>(token, method, path, body);
    } catch (error) {
      // An OAuth access token revoked or expired early: renew once and replay.
      if (!(error instanceof CrmError && error.kind === 'auth' && this.tokens.renew)) throw error;
      return this.send<T>(await this.tokens.renew(token), method, path, body);
    }
  }

  private send<T>(token: string, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
    return withBackoff(async () => {
      await this.limiter.acquire();
      let response: Response;
      try {
        response = await fetch(`${this.config.apiUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch {
        throw new CrmError('unavailable', 'HubSpot could not be reached.');
      }
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = null;
      }
      if (!response.ok) {
        throw errorFor(
          response.status,
          (parsed ?? {}) as HubSpotErrorBody,
          response.headers.get('retry-after'),
        );
      }
      return parsed as T;
    }, this.clock);
  }

  /** The portal of this client: HUBSPOT_PORTAL_ID, else the connected portal of the team's OAuth session. */
  async portalId(): Promise<string | null> {
    return this.config.portalId ?? (await this.tokens.portalId?.().catch(() => null)) ?? null;
  }

  objects(type: string, rest = ''): string {
    return `/crm/objects/${this.version}/${type}${rest}`;
  }
}
