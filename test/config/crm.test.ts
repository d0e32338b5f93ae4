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
    const config = parseConfig({
      SALESFORCE_CLIENT_ID: 'abc',
      SALESFORCE_CLIENT_SECRET: 's3cr3t',
      CRM_ENCRYPTION_KEY: KEY,
      SALESFORCE_LOGIN_URL: 'https://test.salesforce.com',
    });
    expect(config.crm?.salesforce).toMatchObject({
      loginUrl: 'https://test.salesforce.com',
      apiVersion: '62.0',
      auth: { kind: 'web', clientId: 'abc' },
    });
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
