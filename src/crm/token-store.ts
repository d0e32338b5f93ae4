import type { CrmProvider } from '../domain/crm/types.js';
import type { CrmCredentialRepository } from '../storage/crm-ports.js';
import type { TokenCipher } from './token-cipher.js';

/** A CRM session as the adapters use it, in clear. */
export interface CrmSession {
  accessToken: string;
  instanceUrl: string;
  refreshToken: string | null;
  /** When the access token stops working (HubSpot OAuth: 30 minutes); null or absent when unknown. */
  expiresAt?: Date | null;
  /** The account connected (HubSpot portal id), when known. */
  accountId?: string | null;
}

export interface CrmSessionStore {
  load(teamId: string, provider: CrmProvider): Promise<CrmSession | null>;
  save(teamId: string, provider: CrmProvider, session: CrmSession): Promise<void>;
}

/** Encrypts on the way in and decrypts on the way out; the database never sees a token in clear. */
export function encryptedSessionStore(repo: CrmCredentialRepository, cipher: TokenCipher): CrmSessionStore {
  const context = (teamId: string, provider: CrmProvider, which: string) => `${teamId}:${provider}:${which}`;
  return {
    async load(teamId, provider) {
      const row = await repo.get(teamId, provider);
      if (!row) return null;
      return {
        accessToken: cipher.decrypt(row.accessTokenSealed, context(teamId, provider, 'access')),
        refreshToken: row.refreshTokenSealed
          ? cipher.decrypt(row.refreshTokenSealed, context(teamId, provider, 'refresh'))
          : null,
        instanceUrl: row.instanceUrl,
        expiresAt: row.expiresAt ?? null,
        accountId: row.accountId ?? null,
      };
    },
    async save(teamId, provider, session) {
      await repo.put(teamId, provider, {
        accessTokenSealed: cipher.encrypt(session.accessToken, context(teamId, provider, 'access')),
        refreshTokenSealed: session.refreshToken
          ? cipher.encrypt(session.refreshToken, context(teamId, provider, 'refresh'))
          : null,
        instanceUrl: session.instanceUrl,
        expiresAt: session.expiresAt ?? null,
        accountId: session.accountId ?? null,
      });
    },
  };
}
