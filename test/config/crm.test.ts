import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { parseCrmConfig } from '../../src/config/crm.js';
import { parseEncryptionKey, TokenCipher } from '../../src/crm/token-cipher.js';

const KEY = 'a'.repeat(64);

describe('CRM configuration', () => {
  it('no CRM variables: no CRM, nothing else changes', () => {
    expect(parseConfig({}).crm).toEqual({ salesforce: null, hubspot: null, encryptionKey: null });
  });

  it('HubSpot private-app token, with the API URL override', () => {
    const { config, problems } = parseCrmConfig({
      HUBSPOT_ACCESS_TOKEN: 'pat-na1-11111111-2222',
      HUBSPOT_API_URL: 'http://127.0.0.1:9999/',
    });
    expect(problems).toEqual([]);
    expect(config.hubspot).toEqual({
      accessToken: 'pat-na1-11111111-2222',
      apiUrl: 'http://127.0.0.1:9999',
      portalId: undefined,
    });
  });

  it('Salesforce needs a secret or a JWT key, and an encryption key for its stored tokens', () => {
    expect(() => parseConfig({ SALESFORCE_CLIENT_ID: 'abc' })).toThrow(
      /SALESFORCE_CLIENT_SECRET or SALESFORCE_JWT_KEY is required/,
    );
    expect(() => parseConfig({ SALESFORCE_CLIENT_ID: 'abc', SALESFORCE_CLIENT_SECRET: 's3cr3t' })).toThrow(
      /CRM_ENCRYPTION_KEY is required with Salesforce/,
    );
    expect(() =>
      parseConfig({
        SALESFORCE_CLIENT_ID: 'abc',
        SALESFORCE_CLIENT_SECRET: 's3cr3t',
        CRM_ENCRYPTION_KEY: KEY,
      }),
    ).toThrow(/CRM_OAUTH_BASE_URL is required to connect Salesforce or HubSpot by OAuth/);
    const config = parseConfig({
      SALESFORCE_CLIENT_ID: 'abc',
      SALESFORCE_CLIENT_SECRET: 's3cr3t',
      CRM_ENCRYPTION_KEY: KEY,
      SALESFORCE_LOGIN_URL: 'https://test.salesforce.com',
      CRM_OAUTH_BASE_URL: 'https://vision.example.com/',
    });
    expect(config.crm?.publicUrl).toBe('https://vision.example.com');
    expect(config.crm?.salesforce).toMatchObject({
      loginUrl: 'https://test.salesforce.com',
      apiVersion: '62.0',
      auth: { kind: 'web', clientId: 'abc' },
    });
  });

  it('HubSpot OAuth for many portals: client id and secret together, an encryption key and a public URL', () => {
    expect(parseCrmConfig({ HUBSPOT_CLIENT_ID: 'id' }).problems).toContain(
      'HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET go together (HubSpot OAuth)',
    );
    expect(parseCrmConfig({ HUBSPOT_CLIENT_ID: 'id', HUBSPOT_CLIENT_SECRET: 's' }).problems).toEqual([
      'CRM_ENCRYPTION_KEY is required with HubSpot OAuth (its tokens are stored encrypted)',
      'CRM_OAUTH_BASE_URL is required to connect Salesforce or HubSpot by OAuth (the public https origin of this app)',
    ]);
    const { config, problems } = parseCrmConfig({
      HUBSPOT_CLIENT_ID: 'id',
      HUBSPOT_CLIENT_SECRET: 's',
      CRM_ENCRYPTION_KEY: KEY,
      CRM_OAUTH_BASE_URL: 'https://vision.example.com',
    });
    expect(problems).toEqual([]);
    expect(config.hubspot).toEqual({
      oauth: { clientId: 'id', clientSecret: 's', authorizeUrl: 'https://app.hubspot.com/oauth/authorize' },
      apiUrl: 'https://api.hubapi.com',
      portalId: undefined,
    });
    // A private-app token wins: one portal, nothing to connect, no public URL needed.
    expect(
      parseCrmConfig({
        HUBSPOT_CLIENT_ID: 'id',
        HUBSPOT_CLIENT_SECRET: 's',
        HUBSPOT_ACCESS_TOKEN: 'pat-na1-1234567890',
      }).problems,
    ).toEqual([]);
  });

  it('problems never echo a secret', () => {
    try {
      parseConfig({
        SALESFORCE_CLIENT_ID: 'abc',
        SALESFORCE_JWT_KEY: 'not-a-pem-SECRETVALUE',
        CRM_ENCRYPTION_KEY: 'short',
      });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/SALESFORCE_JWT_KEY must be a PEM private key/);
      expect(String(error)).not.toContain('SECRETVALUE');
    }
  });
});

describe('token cipher', () => {
  const cipher = new TokenCipher(parseEncryptionKey(KEY) ?? Buffer.alloc(0));

  it('round-trips, never stores the token in clear, and differs every time', () => {
    const a = cipher.encrypt('00Dxx!secret-token', 'T1:salesforce:access');
    const b = cipher.encrypt('00Dxx!secret-token', 'T1:salesforce:access');
    expect(a).not.toContain('secret-token');
    expect(a).not.toBe(b);
    expect(cipher.decrypt(a, 'T1:salesforce:access')).toBe('00Dxx!secret-token');
  });

  it('a token moved to another team or tampered with does not open', () => {
    const sealed = cipher.encrypt('token', 'T1:salesforce:access');
    expect(() => cipher.decrypt(sealed, 'T2:salesforce:access')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'T1:salesforce:access')).toThrow();
  });
});
