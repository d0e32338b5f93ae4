import type { Kysely, Selectable } from 'kysely';
import { type BuyingRole, type Stakeholder, stakeholderKey } from '../../domain/stakeholders.js';
import type { StakeholderRepository } from '../ports.js';
import type { Database, StakeholdersTable } from '../schema.js';
import { toDate, toIso } from './convert.js';

function toStakeholder(row: Selectable<StakeholdersTable>): Stakeholder {
  return {
    id: row.id,
    teamId: row.team_id,
    dealId: row.deal_id,
    name: row.name,
    title: row.title,
    buyingRole: row.buying_role as BuyingRole,
    createdAt: toDate(row.created_at),
  };
}

export function stakeholderRepository(db: Kysely<Database>, clock: () => Date): StakeholderRepository {
  return {
    async findOrCreate(input) {
      const nameKey = stakeholderKey(input.name);
      const existing = await db
        .selectFrom('stakeholders')
        .selectAll()
        .where('team_id', '=', input.teamId)
        .where('deal_id', '=', input.dealId)
        .where('name_key', '=', nameKey)
        .executeTakeFirst();
      if (existing) {
        const title = input.title ?? existing.title;
        const role =
          input.buyingRole && input.buyingRole !== 'other' ? input.buyingRole : existing.buying_role;
        if (title === existing.title && role === existing.buying_role) return toStakeholder(existing);
        const updated = await db
          .updateTable('stakeholders')
          .set({ title, buying_role: role })
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toStakeholder(updated);
      }
      const row = await db
        .insertInto('stakeholders')
        .values({
          team_id: input.teamId,
          deal_id: input.dealId,
          name: input.name.trim().replace(/\s+/g, ' '),
          name_key: nameKey,
          title: input.title ?? null,
          buying_role: input.buyingRole ?? 'other',
          created_at: toIso(clock()),
        })
        .onConflict((oc) => oc.columns(['team_id', 'deal_id', 'name_key']).doUpdateSet({ name_key: nameKey }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toStakeholder(row);
    },
    async getById(teamId, stakeholderId) {
      const row = await db
        .selectFrom('stakeholders')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('id', '=', stakeholderId)
        .executeTakeFirst();
      return row ? toStakeholder(row) : null;
    },
    async listByDeal(teamId, dealId) {
      const rows = await db
        .selectFrom('stakeholders')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('deal_id', '=', dealId)
        .orderBy('name_key')
        .execute();
      return rows.map(toStakeholder);
    },
  };
}
