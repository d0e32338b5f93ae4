import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

export const capture: VersionedMigration = {
  async up(db: Kysely<unknown>, t: ColumnTypes) {
    await t
      .id(db.schema.createTable('stakeholders'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('buying_role', 'text', (c) => c.notNull().defaultTo('other'))
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addUniqueConstraint('stakeholders_deal_name_unique', ['team_id', 'deal_id', 'name_key'])
      .execute();

    await t
      .id(db.schema.createTable('entries'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('statement', 'text', (c) => c.notNull())
      .addColumn('quote', 'text')
      .addColumn('stakeholder_id', 'integer', (c) => c.references('stakeholders.id').onDelete('set null'))
      .addColumn('source_type', 'text')
      .addColumn('source_ref', 'text')
      .addColumn('said_on', 'text')
      .addColumn('priority', 'text', (c) => c.notNull().defaultTo('medium'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('unconfirmed'))
      .addColumn('constraint_category', 'text')
      .addColumn('severity', 'text')
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('entries_team_deal_kind_idx')
      .on('entries')
      .columns(['team_id', 'deal_id', 'kind'])
      .execute();

    await t
      .id(db.schema.createTable('entry_revisions'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('entry_id', 'integer', (c) => c.notNull().references('entries.id').onDelete('cascade'))
      .addColumn('changed_by', 'text', (c) => c.notNull())
      .addColumn('changed_at', t.timestamp, (c) => c.notNull())
      .addColumn('changes', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('entry_revisions_entry_idx')
      .on('entry_revisions')
      .columns(['team_id', 'entry_id'])
      .execute();

    await t
      .id(db.schema.createTable('decisions'))
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('customer_owner_id', 'integer', (c) => c.references('stakeholders.id').onDelete('set null'))
      .addColumn('our_owner_user_id', 'text')
      .addColumn('due_date', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('outcome', 'text')
      .addColumn('snoozed_until', t.timestamp)
      .addColumn('last_activity_at', t.timestamp, (c) => c.notNull())
      .addColumn('related_entry_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('thread_ts', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('decisions_team_deal_idx')
      .on('decisions')
      .columns(['team_id', 'deal_id', 'status'])
      .execute();
    // The weekly sweep scans open decisions across all teams by activity and due date.
    await db.schema
      .createIndex('decisions_open_sweep_idx')
      .on('decisions')
      .columns(['status', 'last_activity_at', 'due_date'])
      .execute();
  },
};
