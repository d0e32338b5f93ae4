/**
 * `npm run nudges -- --dry-run [--team T123 ...] [--now 2026-12-07T09:05:00Z]`
 *   prints what the due run (or else the next run) of each workspace would send; nothing is posted or recorded.
 * `npm run nudges -- [--team T123] [--now ISO]`
 *   runs the due weekly run once against the configured Slack workspace (SLACK_BOT_TOKEN).
 */
import webApi from '@slack/web-api';
import { z } from 'zod';
import { ConfigError } from '../config/config.js';
import { loadConfig } from '../config/load.js';
import { nextStepWriterFor } from '../llm/nudge-writer.js';
import { createLogger } from '../logger.js';
import { messageAsText, runWeeklyNudges, type TeamRunReport } from '../scheduling/run-weekly-nudges.js';
import { WEB_API_RETRY } from '../slack/bolt.js';
import { openStorage } from '../storage/index.js';

const USAGE = 'usage: npm run nudges -- [--dry-run] [--team T123]... [--now 2026-12-07T09:05:00Z]';

const argsSchema = z.object({
  dryRun: z.boolean(),
  teams: z.array(z.string().regex(/^[TE][A-Z0-9]+$/, 'a Slack team id such as T0123ABC')),
  now: z.iso.datetime({ offset: true }).optional(),
});

export function parseNudgeArgs(argv: readonly string[]): z.infer<typeof argsSchema> {
  const raw = { dryRun: false, teams: [] as string[], now: undefined as string | undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') raw.dryRun = true;
    else if (arg === '--team') raw.teams.push(argv[++i] ?? '');
    else if (arg === '--now') raw.now = argv[++i] ?? '';
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return argsSchema.parse(raw);
}

export function formatReport(report: TeamRunReport): string {
  const head = `${report.teamId} ${report.runKey ?? ''} ${report.status}`.replace(/\s+/g, ' ');
  if (report.status !== 'preview') {
    const waiting = report.waiting > 0 ? `, waiting for their local time ${report.waiting}` : '';
    return `${head}: sent ${report.sent}, failed ${report.failed}, pending ${report.pending}${waiting}`;
  }
  const when = report.scheduledFor ? ` (scheduled ${report.scheduledFor.toISOString()})` : '';
  if (report.preview.length === 0) return `${head}${when}: nothing to send`;
  const parts = report.preview.map((p) => {
    const where = p.kind === 'channel' ? `channel ${p.target}` : `DM to ${p.target}`;
    return `--- ${where} [${p.sendKey}]\n${messageAsText(p.message)}`;
  });
  return [`${head}${when}: ${report.preview.length} message(s)`, ...parts].join('\n');
}

async function main(): Promise<void> {
  const args = parseNudgeArgs(process.argv.slice(2));
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'debug' ? 'debug' : 'warn', 'nudges');
  const slack = config.slack;
  if (!args.dryRun && slack.kind === 'local') {
    throw new Error('no Slack workspace configured (SLACK_BOT_TOKEN); use --dry-run to preview');
  }
  if (!args.dryRun && slack.kind === 'oauth') {
    throw new Error(
      "installed in many workspaces: the running app sends nudges with each team's token; use --dry-run",
    );
  }
  const storage = await openStorage(config.database);
  try {
    const token = slack.kind === 'local' || slack.kind === 'oauth' ? 'xoxb-dry-run' : slack.botToken;
    const client = new webApi.WebClient(token, {
      ...(slack.kind !== 'local' && slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
      retryConfig: WEB_API_RETRY,
    });
    const deps = {
      repos: storage.repos,
      logger,
      clock: () => new Date(),
      nextStepWriter: nextStepWriterFor(config.openai),
    };
    const now = args.now ? new Date(args.now) : new Date();
    const teams = args.teams.length > 0 ? args.teams : [undefined];
    for (const teamId of teams) {
      const reports = await runWeeklyNudges({
        now,
        deps,
        client,
        dryRun: args.dryRun,
        ...(teamId ? { teamId } : {}),
      });
      for (const report of reports) process.stdout.write(`${formatReport(report)}\n`);
      if (reports.length === 0) process.stdout.write('no workspaces yet\n');
    }
  } finally {
    await storage.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`configuration problems:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
