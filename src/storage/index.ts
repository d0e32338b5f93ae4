import { sql } from 'kysely';
import type { DatabaseConfig } from '../config/config.js';
import { connect } from './connect.js';
import { tokenCipher } from './crypto/token-cipher.js';
import { migrateToLatest } from './migrate.js';
import type { Storage } from './ports.js';
import { channelSharingRepository } from './sql/channel-sharing.js';
import { dealRepository } from './sql/deals.js';
import { decisionRepository } from './sql/decisions.js';
import { draftRepository } from './sql/drafts.js';
import { entryRepository } from './sql/entries.js';
import { idempotencyRepository } from './sql/idempotency.js';
import { installationRepository } from './sql/installations.js';
import { listeningRepository } from './sql/listening.js';
import { meetingRepository } from './sql/meetings.js';
import { nudgeRepository } from './sql/nudges.js';
import { stakeholderRepository } from './sql/stakeholders.js';
import { teamDataRepository } from './sql/team-data.js';
import { teamLifecycleRepository } from './sql/team-lifecycle.js';
import { workspaceRepository } from './sql/workspaces.js';

export interface OpenStorageOptions {
  clock?: () => Date;
  /** AES-256-GCM key sealing installation tokens; without it installations cannot be stored (one-workspace mode). */
  tokenEncryptionKey?: Buffer;
  /** Run migrations before returning (default true). */
  migrate?: boolean;
}

/** Opens the configured engine, brings the schema up to date and returns the repositories. */
export async function openStorage(
  config: DatabaseConfig,
  options: OpenStorageOptions = {},
): Promise<Storage> {
  const clock = options.clock ?? (() => new Date());
  const { db, engine } = connect(config);
  if (options.migrate ?? true) await migrateToLatest(db, engine);
  return {
    engine,
    repos: {
      workspaces: workspaceRepository(db, clock),
      deals: dealRepository(db, clock),
      stakeholders: stakeholderRepository(db, clock),
      entries: entryRepository(db, clock),
      decisions: decisionRepository(db, clock),
      idempotency: idempotencyRepository(db, clock),
      nudges: nudgeRepository(db, engine),
      listening: listeningRepository(db, clock),
      meetings: meetingRepository(db, clock),
      drafts: draftRepository(db, clock),
      installations: installationRepository(
        db,
        clock,
        options.tokenEncryptionKey ? tokenCipher(options.tokenEncryptionKey) : null,
      ),
      teamLifecycle: teamLifecycleRepository(db),
      teamData: teamDataRepository(db),
      channelSharing: channelSharingRepository(db),
    },
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}
