import { z } from 'zod';

const optionalString = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().optional(),
);

/** 32 bytes as 64 hex digits or as base64 (44 characters), e.g. `openssl rand -hex 32`. */
export function parseEncryptionKey(value: string): Buffer | null {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) return Buffer.from(trimmed, 'base64');
  return null;
}

/** Variables for installing the app in many workspaces (OAuth v2) and for forgetting uninstalled ones. */
export const installEnvFields = {
  SLACK_CLIENT_ID: optionalString.refine((v) => v === undefined || /^\d+\.\d+$/.test(v), {
    message: 'must be the app\'s Client ID (digits.digits, from "Basic Information")',
  }),
  SLACK_CLIENT_SECRET: optionalString.refine((v) => v === undefined || /^[0-9a-zA-Z]{16,}$/.test(v), {
    message: 'must be the app\'s Client Secret (letters and digits, from "Basic Information")',
  }),
  SLACK_STATE_SECRET: optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: 'must be at least 16 characters (any random string, e.g. `openssl rand -hex 16`)',
  }),
  SLACK_TOKEN_ENCRYPTION_KEY: optionalString.refine((v) => v === undefined || parseEncryptionKey(v), {
    message: 'must be 32 random bytes as 64 hex digits or base64 (`openssl rand -hex 32`)',
  }),
  SLACK_REDIRECT_URI: optionalString.refine(
    (v) => v === undefined || /^https?:\/\/[^\s]+\/slack\/oauth_redirect$/.test(v),
    {
      message:
        'must be the public URL of /slack/oauth_redirect, e.g. https://vision.example.com/slack/oauth_redirect',
    },
  ),
  DATA_PURGE_GRACE_DAYS: z.preprocess(
    (v) => (v === undefined || v === '' ? '30' : v),
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of days (0 = delete at once)')
      .transform(Number)
      .refine((n) => n <= 3650, 'must be at most 3650 days'),
  ),
};

const isSet = (value: string | undefined): boolean => value !== undefined && value.trim() !== '';

/** One mode or the other: a single bot token, or the OAuth credentials that install into many workspaces. */
export function installCombinationProblems(env: Record<string, string | undefined>): string[] {
  const oauthVars = [
    'SLACK_CLIENT_ID',
    'SLACK_CLIENT_SECRET',
    'SLACK_STATE_SECRET',
    'SLACK_TOKEN_ENCRYPTION_KEY',
  ];
  const present = oauthVars.filter((name) => isSet(env[name]));
  if (present.length === 0) return [];
  const problems: string[] = [];
  if (isSet(env.SLACK_BOT_TOKEN)) {
    problems.push(
      'SLACK_BOT_TOKEN (one workspace) and SLACK_CLIENT_ID/SLACK_CLIENT_SECRET (install in many workspaces) cannot both be set: choose one mode',
    );
  }
  if (isSet(env.SLACK_APP_TOKEN)) {
    problems.push('installing in many workspaces needs HTTP mode: unset SLACK_APP_TOKEN (Socket Mode)');
  }
  for (const name of oauthVars.filter((n) => !present.includes(n))) {
    problems.push(`${name} is required to install in many workspaces (set with ${present.join(', ')})`);
  }
  if (!isSet(env.SLACK_SIGNING_SECRET)) {
    problems.push('SLACK_SIGNING_SECRET is required to install in many workspaces');
  }
  return problems;
}
