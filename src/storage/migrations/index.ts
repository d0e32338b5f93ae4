import { foundation } from './0001_foundation.js';
import { capture } from './0002_capture.js';
import { drafts } from './0003_drafts.js';
import { meetings } from './0004_meetings.js';
import { nudges } from './0005_nudges.js';
import { listening } from './0006_listening.js';
import { internalOnly } from './0007_internal_only.js';
import { crm } from './0008_crm.js';
import { installations } from './0009_installations.js';
import { channelSharing } from './0010_channel_sharing.js';
import { listenModel } from './0011_listen_model.js';
import { coachingChannels } from './0012_coaching_channels.js';
import { crmTokenExpiry } from './0014_crm_token_expiry.js';
import { recapSubmissions } from './0015_recap_submissions.js';
import { orgWorkspaces } from './0016_org_workspaces.js';
import { recapSubmissionTitle } from './0017_recap_submission_title.js';
import type { VersionedMigration } from './columns.js';

/** Applied in key order; never rename or edit a migration that has shipped, add a new one. */
export const MIGRATIONS: Record<string, VersionedMigration> = {
  '0001_foundation': foundation,
  '0002_capture': capture,
  '0003_drafts': drafts,
  '0004_meetings': meetings,
  '0005_nudges': nudges,
  '0006_listening': listening,
  '0007_internal_only': internalOnly,
  '0008_crm': crm,
  '0009_installations': installations,
  '0010_channel_sharing': channelSharing,
  '0011_listen_model': listenModel,
  '0012_coaching_channels': coachingChannels,
  '0014_crm_token_expiry': crmTokenExpiry,
  '0015_recap_submissions': recapSubmissions,
  '0016_org_workspaces': orgWorkspaces,
  '0017_recap_submission_title': recapSubmissionTitle,
};
