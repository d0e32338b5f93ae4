/**
 * `npm run workspace -- export --team T0123 [--out file.json]` prints (or writes) every row of one workspace's
 * data as JSON (tokens never included).
 * `npm run workspace -- purge --team T0123 --yes` deletes every row of that workspace at once, tokens included.
 * Uses the configured database (DATABASE_URL, or the SQLite file under DATA_DIR).
 */
import fs from 'node:fs';
import { z } from 'zod';
import { purgeTeamNow } from '../services/uninstall.js';
import { openConfiguredStorage, reportBadArguments } from './cli-support.js';

const USAGE =
  'usage: npm run workspace -- export --team T0123ABC [--out file.json]\n' +
  '       npm run workspace -- purge --team T0123ABC --yes';

const argsSchema = z.discriminatedUnion('command', [
  z.object({
    command: z.literal('export'),
    team: z.string().regex(/^[TE][A-Z0-9]{2,}$/, 'must be a Slack team id such as T0123ABC'),
    out: z.string().min(1).optional(),
  }),
  z.object({
    command: z.literal('purge'),
    team: z.string().regex(/^[TE][A-Z0-9]{2,}$/, 'must be a Slack team id such as T0123ABC'),
    yes: z.literal(true, { message: 'is required: purging cannot be undone' }),
  }),
]);

type Args = z.infer<typeof argsSchema>;

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  const raw: Record<string, string | boolean | undefined> = { command };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === '--yes') raw.yes = true;
    else if ((flag === '--team' || flag === '--out') && rest[i + 1] !== undefined)
      raw[flag.slice(2)] = rest[++i];
    else throw new Error(`unexpected argument "${flag}"`);
  }
  return argsSchema.parse(raw);
}

/** Dates as ISO strings, whatever the engine returned. */
const asJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v instanceof Date ? v.toISOString() : v), 2);

export async function main(argv: string[], out: (text: string) => void = (t) => process.stdout.write(t)) {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    return reportBadArguments(error, USAGE);
  }
  const storage = await openConfiguredStorage();
  if (!storage) return 1;
  try {
    if (args.command === 'export') {
      const tables = await storage.repos.teamData.exportTeam(args.team);
      const uninstall = await storage.repos.teamLifecycle.get(args.team);
      const text = `${asJson({ teamId: args.team, exportedAt: new Date(), uninstall, tables })}\n`;
      if (args.out) fs.writeFileSync(args.out, text, { mode: 0o600 });
      else out(text);
      return 0;
    }
    const counts = await purgeTeamNow(storage.repos, args.team, new Date());
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    out(`purged ${args.team}: ${total} rows\n${asJson(counts)}\n`);
    return 0;
  } finally {
    await storage.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = await main(process.argv.slice(2));
}
