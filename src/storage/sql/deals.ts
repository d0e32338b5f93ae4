import type { Kysely, Selectable } from 'kysely';
import type { Deal } from '../../domain/deals.js';
import type { DealRepository } from '../ports.js';
import type { Database, DealsTable } from '../schema.js';
import { fromFlag, toDate, toFlag, toIso } from './convert.js';

export function toDeal(row: Selectable<DealsTable>): Deal {
  return {
    id: row.id,
    teamId: row.team_id,
    channelId: row.channel_id,
    accountName: row.account_name,
    dealName: row.deal_name,
    stage: row.stage,
    ownerUserId: row.owner_user_id,
    crmUrl: row.crm_url,
    stallDays: row.stall_days,
    nudgesMuted: fromFlag(row.nudges_muted),
    archived: fromFlag(row.archived),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export function dealRepository(db: Kysely<Database>, clock: () => Date): DealRepository {
  return {
    async upsertByChannel(deal) {
      const now = toIso(clock());
      const row = await db
        .insertInto('deals')
        .values({
          team_id: deal.teamId,
          channel_id: deal.channelId,
          account_name: deal.accountName,
          deal_name: deal.dealName,
          stage: deal.stage,
          owner_user_id: deal.ownerUserId,
          crm_url: deal.crmUrl ?? null,
          nudges_muted: 0,
          archived: 0,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['team_id', 'channel_id']).doUpdateSet({
            account_name: deal.accountName,
            deal_name: deal.dealName,
            stage: deal.stage,
            owner_user_id: deal.ownerUserId,
            crm_url: deal.crmUrl ?? null,
            archived: 0,
            updated_at: now,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDeal(row);
    },
    async getByChannel(teamId, channelId) {
      const row = await db
        .selectFrom('deals')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      return row ? toDeal(row) : null;
    },
    async getById(teamId, dealId) {
      const row = await db
        .selectFrom('deals')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('id', '=', dealId)
        .executeTakeFirst();
      return row ? toDeal(row) : null;
    },
    async update(teamId, dealId, patch) {
      const row = await db
        .updateTable('deals')
        .set({
          ...(patch.accountName !== undefined && { account_name: patch.accountName }),
          ...(patch.dealName !== undefined && { deal_name: patch.dealName }),
          ...(patch.stage !== undefined && { stage: patch.stage }),
          ...(patch.ownerUserId !== undefined && { owner_user_id: patch.ownerUserId }),
          ...(patch.crmUrl !== undefined && { crm_url: patch.crmUrl }),
          ...(patch.stallDays !== undefined && { stall_days: patch.stallDays }),
          ...(patch.nudgesMuted !== undefined && { nudges_muted: toFlag(patch.nudgesMuted) }),
          ...(patch.archived !== undefined && { archived: toFlag(patch.archived) }),
          updated_at: toIso(clock()),
        })
        .where('team_id', '=', teamId)
        .where('id', '=', dealId)
        .returningAll()
        .executeTakeFirst();
      return row ? toDeal(row) : null;
    },
    async listByOwner(teamId, ownerUserId) {
      const rows = await db
        .selectFrom('deals')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('owner_user_id', '=', ownerUserId)
        .where('archived', '=', 0)
        .orderBy('updated_at', 'desc')
        .execute();
      return rows.map(toDeal);
    },
    async list(teamId) {
      const rows = await db
        .selectFrom('deals')
        .selectAll()
        .where('team_id', '=', teamId)
        .orderBy('id')
        .execute();
      return rows.map(toDeal);
    },
    async teamsForChannel(channelId) {
      const rows = await db
        .selectFrom('deals')
        .select('team_id')
        .distinct()
        .where('channel_id', '=', channelId)
        .where('archived', '=', 0)
        .orderBy('team_id')
        .execute();
      return rows.map((r) => r.team_id);
    },
  };
}
