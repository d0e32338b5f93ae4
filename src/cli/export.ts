/**
 * `npm run export -- --channel C0123 [--team T0123]`
 * Prints the customer-readable "Here's what we heard" Markdown of the latest shared-vision draft of the deal
 * linked to the channel. Uses the configured database (DATABASE_URL, or the SQLite file under DATA_DIR).
 */
import { z } from 'zod';
import { latestDraftExport, teamForChannel } from '../services/drafts-export.js';
import { openConfiguredStorage, reportBadArguments } from './cli-support.js';

const USAGE = 'usage: npm run export -- --channel C0123ABC [--team T0123ABC]';

const argsSchema = z.object({
  channel: z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABC'),
  team: z
    .string()
    .regex(/^[TE][A-Z0-9]{2,}$/, 'must be a Slack team id such as T0123ABC')
    .optional(),
});

function parseArgs(argv: string[]): z.infer<typeof argsSchema> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--channel' || flag === '--team') && value !== undefined) {
      raw[flag.slice(2)] = value;
      i++;
    } else {
      throw new Error(`unexpected argument "${flag}"`);
    }
  }
  return argsSchema.parse(raw);
}

async function main(argv: string[]): Promise<number> {
  let args: z.infer<typeof argsSchema>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    return reportBadArguments(error, USAGE);
  }
  const storage = await openConfiguredStorage();
  if (!storage) return 1;
  try {
    const team = args.team
      ? { ok: true as const, teamId: args.team }
      : await teamForChannel(storage.repos, args.channel);
    if (!team.ok) {
      console.error(team.message);
      return 1;
    }
    const found = await latestDraftExport(storage.repos, team.teamId, args.channel);
    if (!found.ok) {
      console.error(found.message);
      return 1;
    }
    process.stdout.write(found.markdown.endsWith('\n') ? found.markdown : `${found.markdown}\n`);
    return 0;
  } finally {
    await storage.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
