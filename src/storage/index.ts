import { sql } from 'kysely';
import type { DatabaseConfig } from '../config/config.js';
import { type ConnectOptions, connect } from './connect.js';
import { tokenCipher } from './crypto/token-cipher.js';
import { migrateToLatest, pendingMigrations } from './migrate.js';
import type { Storage } from './ports.js';
import { channelSharingRepository } from './sql/channel-sharing.js';
import { coachingChannelRepository } from './sql/coaching-channels.js';
import { crmRepository } from './sql/crm.js';
import { dealRepository } from './sql/deals.js';
import { decisionRepository } from './sql/decisions.js';
import { draftRepository } from './sql/drafts.js';
import { entryRepository } from './sql/entries.js';
import { idempotencyRepository } from './sql/idempotency.js';
import { installationRepository } from './sql/installations.js';
import { listenModelRepository } from './sql/listen-model.js';
import { listeningRepository } from './sql/listening.js';
import { meetingRepository } from './sql/meetings.js';
import { nudgeRepository } from './sql/nudges.js';
import { recapSubmissionRepository } from './sql/recap-submissions.js';
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
  /** Called for every failed query (the app counts them in /metrics). */
  onQueryError?: (error: unknown) => void;
  /** PostgreSQL: a pooled connection dropped (restart, failover); the pool reconnects on the next query. */
  onConnectionError?: ConnectOptions['onConnectionError'];
  sqliteBusyRetryMs?: number;
}

/** /healthz answers within this even when the database does not answer at all. */
const PING_TIMEOUT_MS = 2_000;

/** Opens the configured engine, brings the schema up to date and returns the repositories. */
export async function openStorage(
  config: DatabaseConfig,
  options: OpenStorageOptions = {},
): Promise<Storage> {
  const clock = options.clock ?? (() => new Date());
  const { db, engine } = connect(config, {
    ...(options.onQueryError ? { onQueryError: options.onQueryError } : {}),
    ...(options.onConnectionError ? { onConnectionError: options.onConnectionError } : {}),
    ...(options.sqliteBusyRetryMs !== undefined ? { sqliteBusyRetryMs: options.sqliteBusyRetryMs } : {}),
  });
  if (options.migrate ?? true) await migrateToLatest(db, engine);
  let closing: Promise<void> | null = null;
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
      listenModel: listenModelRepository(db),
      meetings: meetingRepository(db, clock),
      drafts: draftRepository(db, clock),
      crm: crmRepository(db, clock),
      installations: installationRepository(
        db,
        clock,
        options.tokenEncryptionKey ? tokenCipher(options.tokenEncryptionKey) : null,
      ),
      teamLifecycle: teamLifecycleRepository(db),
      teamData: teamDataRepository(db),
      channelSharing: channelSharingRepository(db),
      coachingChannels: coachingChannelRepository(db),
      recapSubmissions: recapSubmissionRepository(db),
    },
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
      });
      const answered = sql`select 1`.execute(db).then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([answered, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    },
    pendingMigrations: () => pendingMigrations(db),
    // Safe to call twice (a failed start-up and shutdown may both close).
    close: () => (closing ??= db.destroy()),
  };
}
