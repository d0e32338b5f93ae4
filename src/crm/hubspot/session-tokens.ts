import type { HubSpotConfig } from '../../config/crm.js';
import { CrmError } from '../ports.js';
import type { CrmSession, CrmSessionStore } from '../token-store.js';
import type { HubSpotTokens } from './client.js';
import { REFRESH_MARGIN_MS, refreshHubSpotToken } from './oauth.js';

export const HUBSPOT_NOT_CONNECTED =
  'HubSpot is not connected for this workspace yet: a Slack workspace admin can connect it with `/vision crm connect hubspot`.';

/**
 * A team's HubSpot OAuth session as a token source: refreshed shortly before it expires, and again when HubSpot
 * refuses it. Concurrent callers share one refresh, and every new token is stored sealed.
 */
export function sessionTokens(
  config: HubSpotConfig,
  teamId: string,
  sessions: CrmSessionStore,
  now: () => Date,
): HubSpotTokens {
  let refreshing: Promise<string> | null = null;
  const fresh = (session: CrmSession) =>
    (session.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) - REFRESH_MARGIN_MS > now().getTime();
  const load = async () => {
    const session = await sessions.load(teamId, 'hubspot');
    if (!session) throw new CrmError('auth', HUBSPOT_NOT_CONNECTED);
    return session;
  };
  /** Replaces `stale` unless someone already did (a concurrent request, another refresh that just finished). */
  const refresh = (stale: string) => {
    refreshing ??= (async () => {
      const session = await load();
      if (session.accessToken !== stale && fresh(session)) return session.accessToken;
      const renewed = await refreshHubSpotToken(config, session, now());
      await sessions.save(teamId, 'hubspot', renewed);
      return renewed.accessToken;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };
  return {
    async current() {
      if (refreshing) return refreshing;
      const session = await load();
      return fresh(session) ? session.accessToken : refresh(session.accessToken);
    },
    async portalId() {
      return (await sessions.load(teamId, 'hubspot'))?.accountId ?? null;
    },
    renew: (refused) => refresh(refused),
  };
}
