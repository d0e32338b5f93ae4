import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/** Recap modals as submitted, kept before the modal closes so a later failure never loses the rep's text. */
export const recapSubmissions: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await t
      .id(db.schema.createTable('recap_submissions'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('deal_id', 'integer', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('view_id', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('failure', 'text')
      .addColumn('meeting_id', 'integer')
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addUniqueConstraint('recap_submissions_view_unique', ['team_id', 'view_id'])
      .execute();
  },
};
