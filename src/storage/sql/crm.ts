import type { Kysely } from 'kysely';
import type { CrmFieldMapping, CrmLink, CrmSource, CrmWrite } from '../../domain/crm/records.js';
import type { CrmDealSnapshot, CrmProvider } from '../../domain/crm/types.js';
import type { CrmRepository } from '../crm-ports.js';
import type { CrmTables } from '../crm-schema.js';
import type { Database } from '../schema.js';
import { parseJson, toDate, toIso } from './convert.js';

type Row = CrmTables['crm_writes'] & { id: number };

const toWrite = (r: Row): CrmWrite => ({
  id: Number(r.id),
  teamId: r.team_id,
  dealId: Number(r.deal_id),
  provider: r.provider as CrmProvider,
  recordId: r.record_id,
  userId: r.user_id,
  action: r.action as CrmWrite['action'],
  target: r.target,
  before: r.before_value,
  after: r.after_value,
  status: r.status as CrmWrite['status'],
  crmId: r.crm_id,
  message: r.message,
  at: toDate(r.at),
});

export function crmRepository(base: Kysely<Database>, clock: () => Date): CrmRepository {
  const db = base.withTables<CrmTables>();
  return {
    credentials: {
      async get(teamId, provider) {
        const row = await db
          .selectFrom('crm_credentials')
          .selectAll()
          .where('team_id', '=', teamId)
          .where('provider', '=', provider)
          .executeTakeFirst();
        return row
          ? {
              accessTokenSealed: row.access_token_sealed,
              refreshTokenSealed: row.refresh_token_sealed,
              instanceUrl: row.instance_url,
              expiresAt: row.expires_at === null ? null : toDate(row.expires_at),
              accountId: row.account_id,
            }
          : null;
      },
      async put(teamId, provider, session, now = clock()) {
        const values = {
          access_token_sealed: session.accessTokenSealed,
          refresh_token_sealed: session.refreshTokenSealed,
          instance_url: session.instanceUrl,
          updated_at: toIso(now),
          expires_at: session.expiresAt ? toIso(session.expiresAt) : null,
          account_id: session.accountId ?? null,
        };
        await db
          .insertInto('crm_credentials')
          .values({ team_id: teamId, provider, ...values })
          .onConflict((oc) => oc.columns(['team_id', 'provider']).doUpdateSet(values))
          .execute();
      },
      async remove(teamId, provider) {
        const result = await db
          .deleteFrom('crm_credentials')
          .where('team_id', '=', teamId)
          .where('provider', '=', provider)
          .executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      },
    },

    async getLink(teamId, dealId) {
      const row = await db
        .selectFrom('crm_links')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('deal_id', '=', dealId)
        .executeTakeFirst();
      if (!row) return null;
      const snapshot = parseJson<CrmDealSnapshot | null>(row.snapshot, null);
      if (!snapshot) return null;
      return {
        teamId: row.team_id,
        dealId: Number(row.deal_id),
        provider: row.provider as CrmProvider,
        recordId: row.record_id,
        snapshot,
        linkedBy: row.linked_by,
        refreshedAt: toDate(row.refreshed_at),
      } satisfies CrmLink;
    },

    async saveLink(link) {
      const values = {
        provider: link.provider,
        record_id: link.recordId,
        snapshot: JSON.stringify(link.snapshot),
        linked_by: link.linkedBy,
        refreshed_at: toIso(link.refreshedAt),
      };
      await db
        .insertInto('crm_links')
        .values({ team_id: link.teamId, deal_id: link.dealId, ...values })
        .onConflict((oc) => oc.columns(['team_id', 'deal_id']).doUpdateSet(values))
        .execute();
      return link;
    },

    async saveSnapshot(teamId, dealId, snapshot, at) {
      await db
        .updateTable('crm_links')
        .set({ snapshot: JSON.stringify(snapshot), refreshed_at: toIso(at) })
        .where('team_id', '=', teamId)
        .where('deal_id', '=', dealId)
        .where('record_id', '=', snapshot.recordId)
        .execute();
    },

    async removeLink(teamId, dealId) {
      await db.deleteFrom('crm_links').where('team_id', '=', teamId).where('deal_id', '=', dealId).execute();
    },

    async recordWrite(write) {
      const row = await db
        .insertInto('crm_writes')
        .values({
          team_id: write.teamId,
          deal_id: write.dealId,
          provider: write.provider,
          record_id: write.recordId,
          user_id: write.userId,
          action: write.action,
          target: write.target,
          before_value: write.before,
          after_value: write.after,
          status: write.status,
          crm_id: write.crmId,
          message: write.message,
          at: toIso(write.at ?? clock()),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toWrite(row as Row);
    },

    async listWrites(teamId, dealId, limit = 20) {
      const rows = await db
        .selectFrom('crm_writes')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('deal_id', '=', dealId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => toWrite(r as Row));
    },

    async findDoneWrite(teamId, dealId, action, target) {
      const row = await db
        .selectFrom('crm_writes')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('deal_id', '=', dealId)
        .where('action', '=', action)
        .where('target', '=', target)
        .where('status', '=', 'done')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row ? toWrite(row as Row) : null;
    },

    async listMappings(teamId, provider) {
      const rows = await db
        .selectFrom('crm_field_maps')
        .selectAll()
        .where('team_id', '=', teamId)
        .where('provider', '=', provider)
        .execute();
      return rows.map(
        (r): CrmFieldMapping => ({
          teamId: r.team_id,
          provider: r.provider as CrmProvider,
          source: r.source as CrmSource,
          field: r.field,
          fieldLabel: r.field_label,
          mappedBy: r.mapped_by,
        }),
      );
    },

    async saveMapping(m) {
      const values = { field: m.field, field_label: m.fieldLabel, mapped_by: m.mappedBy };
      await db
        .insertInto('crm_field_maps')
        .values({ team_id: m.teamId, provider: m.provider, source: m.source, ...values })
        .onConflict((oc) => oc.columns(['team_id', 'provider', 'source']).doUpdateSet(values))
        .execute();
    },

    async removeMapping(teamId, provider, source) {
      await db
        .deleteFrom('crm_field_maps')
        .where('team_id', '=', teamId)
        .where('provider', '=', provider)
        .where('source', '=', source)
        .execute();
    },
  };
}
