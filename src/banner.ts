import type { AppConfig } from './config/config.js';

/** The one start-up banner: what mode we are in, where to look, and how to connect a real workspace. */
export function startupBanner(config: AppConfig, url: string, engine: string): string {
  const publicUrl = url.replace('0.0.0.0', 'localhost').replace('127.0.0.1', 'localhost');
  const drafting = config.openai
    ? `OpenAI-compatible model ${config.openai.model}`
    : 'offline (no OPENAI_API_KEY)';
  const database =
    config.database.engine === 'sqlite' ? `SQLite at ${config.database.file}` : 'PostgreSQL (DATABASE_URL)';
  const lines =
    config.slack.kind === 'local'
      ? [
          'shared-vision is running in LOCAL MODE against its built-in Slack emulator (no Slack credentials set).',
          `  Try it in your browser:  ${publicUrl}/sandbox`,
          `  Health:                  ${publicUrl}/healthz  (ready: /readyz, metrics: /metrics)`,
          `  Database:                ${database}`,
          `  Drafting:                ${drafting}`,
          '  To connect a real workspace: create the app from manifests/manifest.json, then set SLACK_BOT_TOKEN and',
          '  SLACK_SIGNING_SECRET (HTTP, Request URL https://<host>/slack/events) or SLACK_APP_TOKEN (Socket Mode) in .env.',
        ]
      : [
          `shared-vision is connected to Slack (${config.slack.kind === 'socket' ? 'Socket Mode' : `HTTP on ${publicUrl}/slack/events`}).`,
          `  Health:    ${publicUrl}/healthz  (ready: /readyz, metrics: /metrics)`,
          `  Database:  ${database} (${engine})`,
          `  Drafting:  ${drafting}`,
        ];
  return lines.join('\n');
}
