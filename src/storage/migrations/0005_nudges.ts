import { type Kysely, sql } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/**
 * Weekly nudges: one row per run of a workspace (resumable), one row per message posted (claimed before the
 * post, marked sent after it), and partial indexes for the stalled-decision sweep.
 */
export const nudges: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await db.schema
      .createTable('nudge_runs')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('run_key', 'text', (c) => c.notNull())
      .addColumn('scheduled_for', t.timestamp, (c) => c.notNull())
      .addColumn('started_at', t.timestamp, (c) => c.notNull())
      .addColumn('finished_at', t.timestamp)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sent_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addPrimaryKeyConstraint('nudge_runs_pk', ['team_id', 'run_key'])
      .execute();
    await db.schema
      .createIndex('nudge_runs_team_done_idx')
      .on('nudge_runs')
      .columns(['team_id', 'status', 'scheduled_for'])
      .execute();

    await t
      .id(db.schema.createTable('nudge_sends'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('send_key', 'text', (c) => c.notNull())
      .addColumn('run_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('decision_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('deal_id', 'integer')
      .addColumn('user_id', 'text')
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('message_ts', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('claimed_at', t.timestamp, (c) => c.notNull())
      .addColumn('sent_at', t.timestamp)
      .addUniqueConstraint('nudge_sends_team_key_unique', ['team_id', 'send_key'])
      .execute();
    await db.schema
      .createIndex('nudge_sends_run_idx')
      .on('nudge_sends')
      .columns(['team_id', 'run_key'])
      .execute();
    await db.schema
      .createIndex('nudge_sends_message_idx')
      .on('nudge_sends')
      .columns(['team_id', 'channel_id', 'message_ts'])
      .execute();

    // The sweep reads a team's open decisions that are idle (by last activity) or overdue (by due date):
    // two partial indexes that only hold open decisions, so decided/dropped history never slows it down.
    await sql`create index decisions_open_activity_idx on decisions (team_id, last_activity_at) where status = 'open'`.execute(
      db,
    );
    await sql`create index decisions_open_due_idx on decisions (team_id, due_date) where status = 'open' and due_date is not null`.execute(
      db,
    );
    // A reply in a decision's thread counts as activity: find the decision by its thread.
    await sql`create index decisions_thread_idx on decisions (team_id, thread_ts) where thread_ts is not null`.execute(
      db,
    );
  },
};
