import type { Kysely } from 'kysely';
import type { TokenCipher } from '../crypto/token-cipher.js';
import type { InstallationKey, InstallationRepository } from '../install-ports.js';
import type { Database } from '../schema.js';
import { fromFlag, toFlag, toIso } from './convert.js';

const stored = (key: InstallationKey) => ({ enterprise: key.enterpriseId ?? '', team: key.teamId ?? '' });
/** Associated data: a sealed row copied onto another team's key does not open. */
const contextOf = (key: InstallationKey) => `installation:${key.enterpriseId ?? ''}:${key.teamId ?? ''}`;

/** Installations sealed with AES-256-GCM. Without a cipher (one-workspace mode) every call refuses. */
export function installationRepository(
  db: Kysely<Database>,
  clock: () => Date,
  cipher: TokenCipher | null,
): InstallationRepository {
  const needCipher = (): TokenCipher => {
    if (!cipher) throw new Error('installations need SLACK_TOKEN_ENCRYPTION_KEY');
    return cipher;
  };
  return {
    async save(record) {
      const box = needCipher();
      const { enterprise, team } = stored(record.key);
      const now = toIso(clock());
      const sealed = box.seal(record.json, contextOf(record.key));
      await db
        .insertInto('installations')
        .values({
          enterprise_id: enterprise,
          team_id: team,
          is_enterprise_install: toFlag(record.isEnterpriseInstall),
          bot_user_id: record.botUserId,
          sealed,
          installed_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['enterprise_id', 'team_id']).doUpdateSet({
            is_enterprise_install: toFlag(record.isEnterpriseInstall),
            bot_user_id: record.botUserId,
            sealed,
            updated_at: now,
          }),
        )
        .execute();
    },
    async find(key) {
      const box = needCipher();
      const { enterprise, team } = stored(key);
      const row = await db
        .selectFrom('installations')
        .selectAll()
        .where('enterprise_id', '=', enterprise)
        .where('team_id', '=', team)
        .executeTakeFirst();
      if (!row) return null;
      return {
        key,
        isEnterpriseInstall: fromFlag(row.is_enterprise_install),
        botUserId: row.bot_user_id,
        json: box.open(row.sealed, contextOf(key)),
      };
    },
    async delete(key) {
      const { enterprise, team } = stored(key);
      const result = await db
        .deleteFrom('installations')
        .where('enterprise_id', '=', enterprise)
        .where('team_id', '=', team)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteTeam(teamId) {
      const result = await db.deleteFrom('installations').where('team_id', '=', teamId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async list() {
      const rows = await db
        .selectFrom('installations')
        .select(['enterprise_id', 'team_id', 'is_enterprise_install'])
        .orderBy('enterprise_id')
        .orderBy('team_id')
        .execute();
      return rows.map((r) => ({
        enterpriseId: r.enterprise_id || null,
        teamId: r.team_id || null,
        isEnterpriseInstall: fromFlag(r.is_enterprise_install),
      }));
    },
  };
}
