import { z } from 'zod';

const optional = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().optional(),
);
const httpUrl = optional.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), {
  message: 'must be an http(s) URL',
});

/** Salesforce API version used on every call (set explicitly, never jsforce's default). */
export const SALESFORCE_API_VERSION = '62.0';
/** HubSpot's date-versioned CRM APIs (replacing /crm/v3). */
export const HUBSPOT_API_VERSION = '2026-03';

export const crmEnvSchema = z.object({
  SALESFORCE_LOGIN_URL: httpUrl,
  SALESFORCE_CLIENT_ID: optional,
  SALESFORCE_CLIENT_SECRET: optional,
  /** PEM private key of the connected app's certificate, for the JWT bearer flow (`\n` may be escaped). */
  SALESFORCE_JWT_KEY: optional.refine((v) => v === undefined || v.includes('PRIVATE KEY'), {
    message: 'must be a PEM private key (-----BEGIN PRIVATE KEY-----...)',
  }),
  /** The integration user the JWT bearer flow acts as. */
  SALESFORCE_USERNAME: optional,
  SALESFORCE_INSTANCE_URL: httpUrl,
  HUBSPOT_ACCESS_TOKEN: optional.refine((v) => v === undefined || /^[\w-]{10,}$/.test(v), {
    message: 'must be a HubSpot private-app access token (pat-...)',
  }),
  HUBSPOT_API_URL: httpUrl,
  /** HubSpot app (OAuth, many portals): used when no private-app token is set. */
  HUBSPOT_CLIENT_ID: optional,
  HUBSPOT_CLIENT_SECRET: optional,
  /** Where HubSpot's consent page is (default https://app.hubspot.com/oauth/authorize; tests use the emulator). */
  HUBSPOT_AUTHORIZE_URL: httpUrl,
  /** Public origin of this app: the OAuth callbacks are <origin>/crm/salesforce/callback and /crm/hubspot/callback. */
  CRM_OAUTH_BASE_URL: httpUrl,
  HUBSPOT_PORTAL_ID: optional.refine((v) => v === undefined || /^\d+$/.test(v), {
    message: 'must be digits',
  }),
  /** 32 bytes (64 hex characters or base64): encrypts CRM tokens stored in the database. */
  CRM_ENCRYPTION_KEY: optional,
});

export type SalesforceAuth =
  | { kind: 'jwt'; clientId: string; privateKey: string; username: string }
  | { kind: 'web'; clientId: string; clientSecret: string };

export interface SalesforceConfig {
  loginUrl: string;
  instanceUrl: string | undefined;
  apiVersion: string;
  auth: SalesforceAuth;
}

export interface HubSpotOAuthConfig {
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
}

export interface HubSpotConfig {
  /** Private-app token (one portal); when absent, each team connects its own portal with `oauth`. */
  accessToken?: string | undefined;
  oauth?: HubSpotOAuthConfig | undefined;
  apiUrl: string;
  portalId: string | undefined;
}

export interface CrmConfig {
  salesforce: SalesforceConfig | null;
  hubspot: HubSpotConfig | null;
  /** Raw key (validated); null when no CRM needs stored tokens. */
  encryptionKey: string | null;
  /** Public origin for the OAuth callbacks (CRM_OAUTH_BASE_URL); unset = the app's own server URL (tests, local). */
  publicUrl?: string | undefined;
}

export const NO_CRM: CrmConfig = { salesforce: null, hubspot: null, encryptionKey: null };

const KEY_SHAPE = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=?)$/;

/** Parses the CRM variables; problems name the variable, never its value. */
export function parseCrmConfig(env: Record<string, string | undefined>): {
  config: CrmConfig;
  problems: string[];
} {
  const parsed = crmEnvSchema.safeParse(env);
  if (!parsed.success) {
    return {
      config: NO_CRM,
      problems: parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`),
    };
  }
  const raw = parsed.data;
  const problems: string[] = [];
  let salesforce: SalesforceConfig | null = null;
  if (raw.SALESFORCE_CLIENT_ID) {
    const loginUrl = raw.SALESFORCE_LOGIN_URL ?? 'https://login.salesforce.com';
    const base = { loginUrl, instanceUrl: raw.SALESFORCE_INSTANCE_URL, apiVersion: SALESFORCE_API_VERSION };
    if (raw.SALESFORCE_JWT_KEY) {
      if (!raw.SALESFORCE_USERNAME) problems.push('SALESFORCE_USERNAME is required with SALESFORCE_JWT_KEY');
      salesforce = {
        ...base,
        auth: {
          kind: 'jwt',
          clientId: raw.SALESFORCE_CLIENT_ID,
          privateKey: raw.SALESFORCE_JWT_KEY.replace(/\\n/g, '\n'),
          username: raw.SALESFORCE_USERNAME ?? '',
        },
      };
    } else if (raw.SALESFORCE_CLIENT_SECRET) {
      salesforce = {
        ...base,
        auth: { kind: 'web', clientId: raw.SALESFORCE_CLIENT_ID, clientSecret: raw.SALESFORCE_CLIENT_SECRET },
      };
    } else {
      problems.push('SALESFORCE_CLIENT_SECRET or SALESFORCE_JWT_KEY is required with SALESFORCE_CLIENT_ID');
    }
  } else if (raw.SALESFORCE_CLIENT_SECRET || raw.SALESFORCE_JWT_KEY) {
    problems.push('SALESFORCE_CLIENT_ID is required with SALESFORCE_CLIENT_SECRET or SALESFORCE_JWT_KEY');
  }
  if (Boolean(raw.HUBSPOT_CLIENT_ID) !== Boolean(raw.HUBSPOT_CLIENT_SECRET)) {
    problems.push('HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET go together (HubSpot OAuth)');
  }
  const hubspotOAuth =
    raw.HUBSPOT_CLIENT_ID && raw.HUBSPOT_CLIENT_SECRET
      ? {
          clientId: raw.HUBSPOT_CLIENT_ID,
          clientSecret: raw.HUBSPOT_CLIENT_SECRET,
          authorizeUrl: raw.HUBSPOT_AUTHORIZE_URL ?? 'https://app.hubspot.com/oauth/authorize',
        }
      : undefined;
  const hubspot: HubSpotConfig | null =
    raw.HUBSPOT_ACCESS_TOKEN || hubspotOAuth
      ? {
          ...(raw.HUBSPOT_ACCESS_TOKEN ? { accessToken: raw.HUBSPOT_ACCESS_TOKEN } : {}),
          ...(hubspotOAuth ? { oauth: hubspotOAuth } : {}),
          apiUrl: withoutTrailingSlashes(raw.HUBSPOT_API_URL ?? 'https://api.hubapi.com'),
          portalId: raw.HUBSPOT_PORTAL_ID,
        }
      : null;
  const key = raw.CRM_ENCRYPTION_KEY ?? null;
  if (key !== null && !KEY_SHAPE.test(key)) {
    problems.push('CRM_ENCRYPTION_KEY must be 32 bytes: 64 hex characters or 44 base64 characters');
  }
  if (salesforce && key === null) {
    problems.push('CRM_ENCRYPTION_KEY is required with Salesforce (its tokens are stored encrypted)');
  }
  const connectsByHand = salesforce?.auth.kind === 'web' || (hubspotOAuth && !raw.HUBSPOT_ACCESS_TOKEN);
  if (hubspotOAuth && !raw.HUBSPOT_ACCESS_TOKEN && key === null) {
    problems.push('CRM_ENCRYPTION_KEY is required with HubSpot OAuth (its tokens are stored encrypted)');
  }
  if (connectsByHand && !raw.CRM_OAUTH_BASE_URL) {
    problems.push(
      'CRM_OAUTH_BASE_URL is required to connect Salesforce or HubSpot by OAuth (the public https origin of this app)',
    );
  }
  const publicUrl = raw.CRM_OAUTH_BASE_URL ? withoutTrailingSlashes(raw.CRM_OAUTH_BASE_URL) : undefined;
  return { config: { salesforce, hubspot, encryptionKey: key, publicUrl }, problems };
}

function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
