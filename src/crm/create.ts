import type { CrmConfig } from '../config/crm.js';
import type { CrmProvider } from '../domain/crm/types.js';
import type { AppLogger } from '../logger.js';
import type { CrmRepository } from '../storage/crm-ports.js';
import { type RevokeOutcome, revokeAtCrm } from './connect/revoke.js';
import { connectableProviders, crmConnectRoutes } from './connect/routes.js';
import { ConnectStateSigner } from './connect/state.js';
import { hubspotAdapter } from './hubspot/adapter.js';
import { HubSpotClient } from './hubspot/client.js';
import { sessionTokens } from './hubspot/session-tokens.js';
import {
  DailyAllowance,
  type LimiterClock,
  LimiterRegistry,
  RollingWindowLimiter,
  realClock,
} from './limiter.js';
import type { CrmAdapter } from './ports.js';
import { salesforceAdapter } from './salesforce/adapter.js';
import { parseEncryptionKey, TokenCipher } from './token-cipher.js';
import { encryptedSessionStore } from './token-store.js';

/** The CRMs this install can talk to, one adapter per team and CRM (limiters shared per org/portal). */
export interface CrmGateway {
  providers: readonly CrmProvider[];
  adapter(teamId: string, provider: CrmProvider): CrmAdapter | null;
  /** The base for people-facing record links. */
  recordBase: { salesforce?: string; hubspotPortal?: string };
  /** Connecting a team's CRM by an admin signing in (OAuth); null when every CRM here uses a fixed credential. */
  connect: CrmConnect | null;
}

export interface CrmConnect {
  providers: readonly CrmProvider[];
  /** The link (valid ten minutes, once) that starts the OAuth flow for this team, bound to this admin. */
  linkFor(teamId: string, userId: string, provider: CrmProvider): string;
  /** GET /crm/{provider}/connect and /crm/{provider}/callback. */
  handle: ReturnType<typeof crmConnectRoutes>;
  /** Whether this team has tokens for a CRM it connects by signing in. */
  isConnected(teamId: string, provider: CrmProvider): Promise<boolean>;
  /**
   * Revokes the grant at the CRM (best effort), deletes the team's tokens here and drops the cached adapter.
   * Links, snapshots, mappings and the audit log stay. `wasConnected` false: there was nothing to delete.
   */
  disconnect(
    teamId: string,
    provider: CrmProvider,
  ): Promise<{ wasConnected: boolean; revoke: RevokeOutcome }>;
}

export interface CrmConnectOptions {
  claim(teamId: string, key: string, now: Date, ttlSeconds: number): Promise<boolean>;
  /** The public origin of the callbacks (CRM_OAUTH_BASE_URL, else the app's own server URL). */
  publicUrl: () => string;
  logger: AppLogger;
  /** After a team's CRM was connected (tokens stored): e.g. tell the admin in Slack. */
  onConnected?(args: { teamId: string; userId: string; provider: CrmProvider }): Promise<void>;
}

/** HubSpot private apps get 100 requests per 10 s on most tiers; stay a little under. */
const HUBSPOT_PER_10S = 90;

/** Null when no CRM is configured: then nothing in the app changes. */
export function crmFromConfig(
  config: CrmConfig | undefined,
  repo: CrmRepository,
  options: { clock?: LimiterClock; now?: () => Date; connect?: CrmConnectOptions } = {},
): CrmGateway | null {
  if (!config || (!config.salesforce && !config.hubspot)) return null;
  const clock = options.clock ?? realClock;
  const providers: CrmProvider[] = [];
  const adapters = new Map<string, CrmAdapter>();
  const hubspotLimiters = new LimiterRegistry(() => new RollingWindowLimiter(HUBSPOT_PER_10S, 10_000, clock));
  const allowances = new LimiterRegistry(() => new DailyAllowance());
  const key = config.encryptionKey ? parseEncryptionKey(config.encryptionKey) : null;
  const sessions = key ? encryptedSessionStore(repo.credentials, new TokenCipher(key)) : null;
  const { salesforce, hubspot } = config;
  const now = options.now ?? (() => new Date());
  if (salesforce && sessions) providers.push('salesforce');
  if (hubspot && (hubspot.accessToken || sessions)) providers.push('hubspot');
  const connectable = connectableProviders(config);
  const connectOptions = options.connect;
  const connect: CrmConnect | null =
    key && sessions && connectOptions && connectable.length > 0
      ? (() => {
          const signer = new ConnectStateSigner(key);
          return {
            providers: connectable,
            linkFor(teamId, userId, provider) {
              const state = signer.issue({ teamId, userId, provider }, now());
              return `${connectOptions.publicUrl()}/crm/${provider}/connect?state=${encodeURIComponent(state)}`;
            },
            async isConnected(teamId, provider) {
              return (await repo.credentials.get(teamId, provider)) !== null;
            },
            async disconnect(teamId, provider) {
              const session = await sessions.load(teamId, provider).catch(() => null);
              const revoke: RevokeOutcome = session
                ? await revokeAtCrm(config, provider, session)
                : { kind: 'nothing' };
              const wasConnected = await repo.credentials.remove(teamId, provider);
              adapters.delete(`${provider}:${teamId}`);
              return { wasConnected: wasConnected || session !== null, revoke };
            },
            handle: crmConnectRoutes({
              config,
              sessions,
              signer,
              claim: connectOptions.claim,
              now,
              publicUrl: connectOptions.publicUrl,
              logger: connectOptions.logger,
              // A new connection replaces whatever the cached adapter held (another org, a revoked token).
              onConnected: async (state) => {
                adapters.delete(`${state.provider}:${state.teamId}`);
                await connectOptions.onConnected?.({
                  teamId: state.teamId,
                  userId: state.userId,
                  provider: state.provider,
                });
              },
            }),
          };
        })()
      : null;
  return {
    providers,
    connect,
    recordBase: {
      ...(salesforce ? { salesforce: salesforce.instanceUrl ?? salesforce.loginUrl } : {}),
      ...(hubspot?.portalId ? { hubspotPortal: hubspot.portalId } : {}),
    },
    adapter(teamId, provider) {
      const cacheKey = `${provider}:${teamId}`;
      const cached = adapters.get(cacheKey);
      if (cached) return cached;
      let created: CrmAdapter | null = null;
      if (provider === 'salesforce' && salesforce && sessions) {
        created = salesforceAdapter({
          config: salesforce,
          teamId,
          sessions,
          allowance: allowances.for(`salesforce:${teamId}`),
          clock,
          ...(options.now ? { now: options.now } : {}),
        });
      } else if (provider === 'hubspot' && hubspot?.accessToken) {
        // A private-app token is one portal: every team of this install shares its limiter.
        const portal = `hubspot:${hubspot.portalId ?? hubspot.apiUrl}`;
        created = hubspotAdapter(new HubSpotClient(hubspot, hubspotLimiters.for(portal), clock), portal);
      } else if (provider === 'hubspot' && hubspot && sessions) {
        // OAuth: each team connected its own portal; the limiter is per team (one portal per team).
        const portal = `hubspot:team:${teamId}`;
        const tokens = sessionTokens(hubspot, teamId, sessions, now);
        created = hubspotAdapter(
          new HubSpotClient(hubspot, hubspotLimiters.for(portal), clock, tokens),
          portal,
        );
      }
      if (created) adapters.set(cacheKey, created);
      return created;
    },
  };
}
