import type { CrmConfig } from '../config/crm.js';
import type { CrmProvider } from '../domain/crm/types.js';
import type { CrmRepository } from '../storage/ports.js';
import { hubspotAdapter } from './hubspot/adapter.js';
import { HubSpotClient } from './hubspot/client.js';
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
}

/** HubSpot private apps get 100 requests per 10 s on most tiers; stay a little under. */
const HUBSPOT_PER_10S = 90;

/** Null when no CRM is configured: then nothing in the app changes. */
export function crmFromConfig(
  config: CrmConfig | undefined,
  repo: CrmRepository,
  options: { clock?: LimiterClock; now?: () => Date } = {},
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
  if (salesforce && sessions) providers.push('salesforce');
  if (hubspot) providers.push('hubspot');
  return {
    providers,
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
      } else if (provider === 'hubspot' && hubspot) {
        // A private-app token is one portal: every team of this install shares its limiter.
        const portal = `hubspot:${hubspot.portalId ?? hubspot.apiUrl}`;
        created = hubspotAdapter(new HubSpotClient(hubspot, hubspotLimiters.for(portal), clock), portal);
      }
      if (created) adapters.set(cacheKey, created);
      return created;
    },
  };
}
