import type { Kysely, Selectable } from 'kysely';
import {
  type ConstraintCategory,
  diffEntryFields,
  type Entry,
  type EntryFields,
  type EntryKind,
  type EntryStatus,
  type Priority,
  type Severity,
  type SourceType,
} from '../../domain/entries.js';
import type { EntryRepository } from '../ports.js';
import type { Database, EntriesTable } from '../schema.js';
import { fromFlag, parseJson, toDate, toFlag, toIso } from './convert.js';

function toEntry(row: Selectable<EntriesTable>): Entry {
  return {
    id: row.id,
    teamId: row.team_id,
    dealId: row.deal_id,
    kind: row.kind as EntryKind,
    statement: row.statement,
    quote: row.quote,
    stakeholderId: row.stakeholder_id,
    source: row.source_type ? { type: row.source_type as SourceType, ref: row.source_ref ?? '' } : null,
    saidOn: row.said_on,
    priority: row.priority as Priority,
    status: row.status as EntryStatus,
    constraintCategory: row.constraint_category as ConstraintCategory | null,
    severity: row.severity as Severity | null,
    internalOnly: fromFlag(row.internal_only),
    archived: fromFlag(row.archived),
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedBy: row.updated_by,
    updatedAt: toDate(row.updated_at),
  };
}

function fieldColumns(fields: Partial<EntryFields>): Partial<Selectable<EntriesTable>> {
  return {
    ...(fields.kind !== undefined && { kind: fields.kind }),
    ...(fields.statement !== undefined && { statement: fields.statement }),
    ...(fields.quote !== undefined && { quote: fields.quote }),
    ...(fields.stakeholderId !== undefined && { stakeholder_id: fields.stakeholderId }),
    ...(fields.source !== undefined && {
      source_type: fields.source?.type ?? null,
      source_ref: fields.source?.ref ?? null,
    }),
    ...(fields.saidOn !== undefined && { said_on: fields.saidOn }),
    ...(fields.priority !== undefined && { priority: fields.priority }),
    ...(fields.status !== undefined && { status: fields.status }),
    ...(fields.constraintCategory !== undefined && { constraint_category: fields.constraintCategory }),
    ...(fields.severity !== undefined && { severity: fields.severity }),
    ...(fields.internalOnly !== undefined && { internal_only: toFlag(fields.internalOnly) }),
  };
}

export function entryRepository(db: Kysely<Database>, clock: () => Date): EntryRepository {
  const getById = async (teamId: string, entryId: number): Promise<Entry | null> => {
    const row = await db
      .selectFrom('entries')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('id', '=', entryId)
      .executeTakeFirst();
    return row ? toEntry(row) : null;
  };

  const recordChange = async (
    teamId: string,
    entryId: number,
    changedBy: string,
    changes: Record<string, { from: unknown; to: unknown }>,
    patch: Partial<Selectable<EntriesTable>>,
  ): Promise<Entry | null> => {
    const now = toIso(clock());
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('entries')
        .set({ ...patch, updated_by: changedBy, updated_at: now })
        .where('team_id', '=', teamId)
        .where('id', '=', entryId)
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      await trx
        .insertInto('entry_revisions')
        .values({
          team_id: teamId,
          entry_id: entryId,
          changed_by: changedBy,
          changed_at: now,
          changes: JSON.stringify(changes),
        })
        .execute();
      return toEntry(row);
    });
  };

  return {
    async create(entry) {
      const now = toIso(clock());
      const row = await db
        .insertInto('entries')
        .values({
          team_id: entry.teamId,
          deal_id: entry.dealId,
          kind: entry.kind,
          statement: entry.statement,
          quote: entry.quote,
          stakeholder_id: entry.stakeholderId,
          source_type: entry.source?.type ?? null,
          source_ref: entry.source?.ref ?? null,
          said_on: entry.saidOn,
          priority: entry.priority,
          status: entry.status,
          constraint_category: entry.constraintCategory,
          severity: entry.severity,
          internal_only: toFlag(entry.internalOnly ?? false),
          archived: 0,
          created_by: entry.createdBy,
          created_at: now,
          updated_by: entry.createdBy,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEntry(row);
    },
    getById,
    async listByDeal(teamId, dealId, filter = {}) {
      let query = db
        .selectFrom('entries')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('deal_id', '=', dealId);
      if (filter.kind) query = query.where('kind', '=', filter.kind);
      if (!filter.includeArchived) query = query.where('archived', '=', 0);
      const rows = await query.orderBy('id').execute();
      return rows.map(toEntry);
    },
    async update(teamId, entryId, patch, changedBy) {
      const before = await getById(teamId, entryId);
      if (!before) return null;
      const changes = diffEntryFields(before, patch);
      if (Object.keys(changes).length === 0) return before;
      return recordChange(teamId, entryId, changedBy, changes, fieldColumns(patch));
    },
    async setArchived(teamId, entryId, archived, changedBy) {
      const before = await getById(teamId, entryId);
      if (!before) return null;
      if (before.archived === archived) return before;
      return recordChange(
        teamId,
        entryId,
        changedBy,
        { archived: { from: before.archived, to: archived } },
        { archived: toFlag(archived) },
      );
    },
    async history(teamId, entryId) {
      const rows = await db
        .selectFrom('entry_revisions')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('entry_id', '=', entryId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        teamId: row.team_id,
        entryId: row.entry_id,
        changedBy: row.changed_by,
        changedAt: toDate(row.changed_at),
        changes: parseJson<Record<string, { from: unknown; to: unknown }>>(row.changes, {}),
      }));
    },
    async countByKind(teamId, dealId) {
      const rows = await db
        .selectFrom('entries')
        .select(['kind', db.fn.countAll<number | string>().as('n')])
        .where('team_id', '=', teamId)
        .where('deal_id', '=', dealId)
        .where('archived', '=', 0)
        .groupBy('kind')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)])) as Partial<Record<EntryKind, number>>;
    },
  };
}
