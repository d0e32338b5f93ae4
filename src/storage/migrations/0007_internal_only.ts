import type { Kysely } from 'kysely';
import type { VersionedMigration } from './columns.js';

/**
 * entries.internal_only: 1 for what the customer must never see (a personal fear, someone's standing). Existing
 * entries stay shareable (0), as they were.
 */
export const internalOnly: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('entries')
      .addColumn('internal_only', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
