import { type Kysely, type Migration, Migrator } from 'kysely';
import { columnTypes, type Engine } from './migrations/columns.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date. Safe to run at every start-up and from several instances. */
export async function migrateToLatest(db: Kysely<Database>, engine: Engine): Promise<MigrationReport> {
  const types = columnTypes(engine);
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    migrations[name] = {
      up: (kdb) => migration.up(kdb, types, engine),
      ...(migration.down ? { down: migration.down } : {}),
    };
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
