import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/**
 * Meetings (scheduled ones with their recap prompt, and recapped ones with their notes and transcript, the
 * evidence) and the proposals of each recap, which become entries or decisions only once confirmed.
 */
export const meetings: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await t
      .id(db.schema.createTable('meetings'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('deal_id', 'integer', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('meeting_date', 'text', (c) => c.notNull())
      .addColumn('starts_at', t.timestamp)
      .addColumn('ends_at', t.timestamp)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('our_user_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('customer_stakeholder_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('customer_new', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('notes', 'text')
      .addColumn('transcript', 'text')
      .addColumn('proposed_by_us', 'text')
      .addColumn('recap_ts', 'text')
      .addColumn('prompt_ts', 'text')
      .addColumn('prompt_posted_at', t.timestamp)
      .addColumn('analysis', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('meetings_team_deal_idx')
      .on('meetings')
      .columns(['team_id', 'deal_id'])
      .execute();
    // The prompt job reads a team's scheduled meetings that ended without a prompt.
    await db.schema
      .createIndex('meetings_due_prompt_idx')
      .on('meetings')
      .columns(['team_id', 'status', 'ends_at'])
      .execute();

    await t
      .id(db.schema.createTable('recap_proposals'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('meeting_id', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('entry_id', 'integer')
      .addColumn('decision_id', 'integer')
      .addColumn('message_ts', 'text')
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', t.timestamp)
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('recap_proposals_meeting_idx')
      .on('recap_proposals')
      .columns(['team_id', 'meeting_id'])
      .execute();
  },
};
