import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/**
 * Shared-vision draft versions: the checked content and its customer Markdown, how it was drafted (provider,
 * model, tokens, latency, what was left out or fell back), what it cites, where it was posted and its playback
 * status (draft, shared, confirmed, corrected). Version numbers are unique per deal.
 */
export const drafts: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await t
      .id(db.schema.createTable('draft_versions'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('unverified', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('rendered_text', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('prompt_tokens', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('completion_tokens', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('usage_estimated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('latency_ms', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('left_out', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('fallback_reason', 'text')
      .addColumn('citation_problems', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('citations', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('channel_id', 'text')
      .addColumn('message_ts', 'text')
      .addColumn('thread_ts', 'text')
      .addColumn('reply_ts', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('status_changed_by', 'text')
      .addColumn('status_changed_at', t.timestamp)
      .addColumn('status_note', 'text')
      .addUniqueConstraint('draft_versions_deal_version_unique', ['team_id', 'deal_id', 'version'])
      .execute();
    await db.schema
      .createIndex('draft_versions_channel_idx')
      .on('draft_versions')
      .columns(['channel_id', 'team_id'])
      .execute();
  },
};
