import { ConfigError } from '../config/config.js';
import { loadConfig } from '../config/load.js';
import { redact } from '../logger.js';
import { connect } from '../storage/connect.js';
import { migrateToLatest } from '../storage/migrate.js';

/** `npm run migrate`: brings the configured database's schema up to date (the app also does it at start-up). */
async function main(): Promise<void> {
  const config = loadConfig();
  const { db, engine } = connect(config.database);
  try {
    const { applied } = await migrateToLatest(db, engine);
    process.stdout.write(
      applied.length > 0
        ? `Applied ${applied.length} migration(s) on ${engine}: ${applied.join(', ')}\n`
        : `The ${engine} schema is up to date.\n`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) process.stderr.write(`  - ${problem}\n`);
  } else {
    process.stderr.write(
      `migration failed: ${redact(error instanceof Error ? error.message : String(error))}\n`,
    );
  }
  process.exit(1);
});
