import { type Kysely, type Migration, Migrator } from 'kysely';
import { columnTypes, type Engine } from './migrations/columns.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

export interface MigrationReport {
  applied: string[];
}

/** Migrations this code knows that the database has not applied (what /readyz checks). */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  // Only the names matter here; nothing is run.
  const names: Record<string, Migration> = Object.fromEntries(
    Object.keys(MIGRATIONS).map((name) => [name, { up: async () => undefined }]),
  );
  const migrator = new Migrator({ db, provider: { getMigrations: async () => names } });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
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
