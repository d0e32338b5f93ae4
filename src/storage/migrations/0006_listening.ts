import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/**
 * Listening in deal channels. Ids and times only: no message text is ever stored here.
 * - processed_events: Slack event ids (and message keys) already handled, so retries do nothing twice.
 * - listen_nudges: which private nudge went to whom, for rate limiting.
 * - listen_quiet_users: people who turned listening nudges off with `/vision quiet`.
 */
export const listening: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await db.schema
      .createTable('processed_events')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('received_at', t.timestamp, (c) => c.notNull())
      .addUniqueConstraint('processed_events_team_event_unique', ['team_id', 'event_id'])
      .execute();
    await db.schema
      .createIndex('processed_events_received_idx')
      .on('processed_events')
      .column('received_at')
      .execute();

    await t
      .id(db.schema.createTable('listen_nudges'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('period_key', 'text', (c) => c.notNull())
      .addColumn('sent_at', t.timestamp, (c) => c.notNull())
      .addUniqueConstraint('listen_nudges_once_unique', [
        'team_id',
        'deal_id',
        'user_id',
        'kind',
        'period_key',
      ])
      .execute();
    await db.schema
      .createIndex('listen_nudges_sent_idx')
      .on('listen_nudges')
      .columns(['team_id', 'deal_id', 'user_id', 'kind', 'sent_at'])
      .execute();

    await db.schema
      .createTable('listen_quiet_users')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('quiet_since', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('listen_quiet_users_pk', ['team_id', 'user_id'])
      .execute();
  },
};
