import type { Kysely, Selectable } from 'kysely';
import type { Decision, DecisionStatus } from '../../domain/decisions.js';
import type { DecisionRepository } from '../ports.js';
import type { Database, DecisionsTable } from '../schema.js';
import { parseJson, toDate, toDateOrNull, toIso } from './convert.js';

export function toDecision(row: Selectable<DecisionsTable>): Decision {
  return {
    id: row.id,
    teamId: row.team_id,
    dealId: row.deal_id,
    title: row.title,
    customerOwnerId: row.customer_owner_id,
    ourOwnerUserId: row.our_owner_user_id,
    dueDate: row.due_date,
    status: row.status as DecisionStatus,
    outcome: row.outcome,
    snoozedUntil: toDateOrNull(row.snoozed_until),
    lastActivityAt: toDate(row.last_activity_at),
    relatedEntryIds: parseJson<number[]>(row.related_entry_ids, []),
    threadTs: row.thread_ts,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export function decisionRepository(db: Kysely<Database>, clock: () => Date): DecisionRepository {
  return {
    async create(decision) {
      const now = toIso(clock());
      const row = await db
        .insertInto('decisions')
        .values({
          team_id: decision.teamId,
          deal_id: decision.dealId,
          title: decision.title,
          customer_owner_id: decision.customerOwnerId ?? null,
          our_owner_user_id: decision.ourOwnerUserId ?? null,
          due_date: decision.dueDate ?? null,
          status: 'open',
          last_activity_at: now,
          related_entry_ids: JSON.stringify(decision.relatedEntryIds ?? []),
          created_by: decision.createdBy,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDecision(row);
    },
    async getById(teamId, decisionId) {
      const row = await db
        .selectFrom('decisions')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('id', '=', decisionId)
        .executeTakeFirst();
      return row ? toDecision(row) : null;
    },
    async listByDeal(teamId, dealId, status) {
      let query = db
        .selectFrom('decisions')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('deal_id', '=', dealId);
      if (status) query = query.where('status', '=', status);
      const rows = await query.orderBy('id').execute();
      return rows.map(toDecision);
    },
    async update(teamId, decisionId, patch, now = clock()) {
      const at = toIso(now);
      const row = await db
        .updateTable('decisions')
        .set({
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.customerOwnerId !== undefined && { customer_owner_id: patch.customerOwnerId }),
          ...(patch.ourOwnerUserId !== undefined && { our_owner_user_id: patch.ourOwnerUserId }),
          ...(patch.dueDate !== undefined && { due_date: patch.dueDate }),
          ...(patch.status !== undefined && { status: patch.status }),
          ...(patch.outcome !== undefined && { outcome: patch.outcome }),
          ...(patch.snoozedUntil !== undefined && {
            snoozed_until: patch.snoozedUntil ? toIso(patch.snoozedUntil) : null,
          }),
          ...(patch.relatedEntryIds !== undefined && {
            related_entry_ids: JSON.stringify(patch.relatedEntryIds),
          }),
          ...(patch.threadTs !== undefined && { thread_ts: patch.threadTs }),
          last_activity_at: at,
          updated_at: at,
        })
        .where('team_id', '=', teamId)
        .where('id', '=', decisionId)
        .returningAll()
        .executeTakeFirst();
      return row ? toDecision(row) : null;
    },
    async touch(teamId, decisionId, at) {
      await db
        .updateTable('decisions')
        .set({ last_activity_at: toIso(at) })
        .where('team_id', '=', teamId)
        .where('id', '=', decisionId)
        .execute();
    },
  };
}
