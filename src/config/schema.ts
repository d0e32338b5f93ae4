import { z } from 'zod';
import { installEnvFields } from './install-schema.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const LOG_FORMATS = ['json', 'pretty'] as const;

const optionalString = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().optional(),
);

const proxyUrl = optionalString.refine((v) => v === undefined || isHttpUrl(v), {
  message: 'must be a proxy URL such as http://proxy.internal:3128',
});

/** Raw environment, as strings. Messages never include the value (it may be a secret). */
export const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || /^xoxb-[\w-]+$/.test(v), {
    message: 'must be a bot token starting with "xoxb-"',
  }),
  SLACK_SIGNING_SECRET: optionalString.refine((v) => v === undefined || /^[0-9a-zA-Z]{16,}$/.test(v), {
    message: 'must be the app\'s signing secret (letters and digits, from "Basic Information")',
  }),
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || /^xapp-[\w-]+$/.test(v), {
    message: 'must be an app-level token starting with "xapp-" (needed only for Socket Mode)',
  }),
  ...installEnvFields,
  SLACK_API_URL: optionalString.refine((v) => v === undefined || isHttpUrl(v), {
    message: 'must be an http(s) URL such as https://slack.com/api/',
  }),
  SLACK_FILE_HOSTS: optionalString.refine(
    (v) => v === undefined || v.split(',').every((origin) => isHttpUrl(origin.trim())),
    {
      message: 'must be comma-separated http(s) origins (tests and emulators only; Slack is always allowed)',
    },
  ),
  PORT: z.preprocess(
    (v) => (v === undefined || v === '' ? '3000' : v),
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number between 1 and 65535')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 65_535, 'must be a whole number between 1 and 65535'),
  ),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\/.+/.test(v), {
    message:
      'must be a PostgreSQL URL (postgres://user:pass@host:5432/db), or unset for the embedded database',
  }),
  DATA_DIR: z.preprocess((v) => (v === undefined || v === '' ? './data' : v), z.string()),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.refine((v) => v === undefined || isHttpUrl(v), {
    message: 'must be an http(s) URL such as http://localhost:11434/v1',
  }),
  OPENAI_MODEL: z.preprocess((v) => (v === undefined || v === '' ? 'gpt-4.1-mini' : v), z.string().min(1)),
  OPENAI_TIMEOUT_MS: z.preprocess(
    (v) => (v === undefined || v === '' ? '30000' : v),
    z
      .string()
      .regex(/^\d+$/, 'must be a number of milliseconds')
      .transform(Number)
      .refine((n) => n >= 1000 && n <= 600_000, 'must be between 1000 and 600000 milliseconds'),
  ),
  LISTEN_AI_DAILY_CAP: z.preprocess(
    (v) => (v === undefined || v === '' ? '200' : v),
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of model calls per workspace per day')
      .transform(Number)
      .refine((n) => n <= 100_000, 'must be at most 100000'),
  ),
  LOG_FORMAT: z.preprocess(
    (v) => (typeof v === 'string' && v !== '' ? v.toLowerCase() : undefined),
    z.enum(LOG_FORMATS, { message: `must be one of ${LOG_FORMATS.join(', ')}` }).optional(),
  ),
  NODE_ENV: optionalString,
  HTTPS_PROXY: proxyUrl,
  https_proxy: proxyUrl,
  HTTP_PROXY: proxyUrl,
  http_proxy: proxyUrl,
  NO_PROXY: optionalString,
  no_proxy: optionalString,
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' && v !== '' ? v.toLowerCase() : 'info'),
    z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }),
  ),
});

export type RawEnv = z.infer<typeof envSchema>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
