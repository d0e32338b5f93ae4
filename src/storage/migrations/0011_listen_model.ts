import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/**
 * The optional model second opinion on deal-channel messages (`/vision listen ai on|off`). Ids, counts and
 * times only: no message text is stored.
 * - listen_model_settings: whether a workspace turned it on, who changed it and when (absent row = off).
 * - listen_model_usage: model calls per workspace per UTC day, for the daily cap (survives restarts).
 */
export const listenModel: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await db.schema
      .createTable('listen_model_settings')
      .addColumn('team_id', 'text', (c) => c.primaryKey())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('changed_by', 'text', (c) => c.notNull())
      .addColumn('changed_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('listen_model_usage')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('calls', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('listen_model_usage_pk', ['team_id', 'day'])
      .execute();
  },
};
