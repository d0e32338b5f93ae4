import dotenv from 'dotenv';
import { type AppConfig, parseConfig } from './config.js';

/** The one place that reads process.env: loads `.env` (if present) quietly, then parses. */
export function loadConfig(): AppConfig {
  dotenv.config({ quiet: true });
  return parseConfig(withSlackCliTokens(process.env));
}

/**
 * `slack run` (Slack CLI) starts the app with the tokens of the development app it installed, under its own
 * names; they win over .env so the CLI's app is the one that connects (Socket Mode).
 */
export function withSlackCliTokens(
  env: Record<string, string | undefined>,
): Record<string, string | undefined> {
  const { SLACK_CLI_XOXB: bot, SLACK_CLI_XAPP: app } = env;
  return bot && app ? { ...env, SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app } : env;
}
