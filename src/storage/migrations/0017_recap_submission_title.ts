import type { Kysely } from 'kysely';
import type { ColumnTypes, VersionedMigration } from './columns.js';

/** The recap's title beside its saved payload, so App Home can name an unfinished recap (null for older rows). */
export const recapSubmissionTitle: VersionedMigration = {
  async up(db: Kysely<unknown>, _t: ColumnTypes) {
    await db.schema.alterTable('recap_submissions').addColumn('title', 'text').execute();
  },
};
