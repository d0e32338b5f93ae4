/**
 * Ports for installs, uninstalls and whole-team data. Kept apart from ports.ts: they are about workspaces as
 * tenants, not about deals. Enterprise Grid: an org-wide install has an enterprise id and no team id.
 */
export interface InstallationKey {
  enterpriseId: string | null;
  /** null for an org-wide (Enterprise Grid) install. */
  teamId: string | null;
}

export interface InstallationRecord {
  key: InstallationKey;
  isEnterpriseInstall: boolean;
  botUserId: string | null;
  /** The installation as JSON (tokens included): sealed at rest, plain only in memory. */
  json: string;
}

export interface InstallationRepository {
  /** Inserts or replaces the installation of this enterprise/team pair. */
  save(record: InstallationRecord): Promise<void>;
  /** The exact pair; null when absent. Throws when the sealed text cannot be opened (wrong key, tampering). */
  find(key: InstallationKey): Promise<InstallationRecord | null>;
  delete(key: InstallationKey): Promise<number>;
  /** Every installation row of a workspace (whatever its enterprise), e.g. on uninstall. */
  deleteTeam(teamId: string): Promise<number>;
  list(): Promise<Array<InstallationKey & { isEnterpriseInstall: boolean }>>;
}

export interface TeamUninstall {
  teamId: string;
  enterpriseId: string | null;
  uninstalledAt: Date;
  purgeAfter: Date;
  purgedAt: Date | null;
  /** The workspace left with its whole Enterprise Grid org (org-wide uninstall), not on its own. */
  byOrg: boolean;
}

export interface TeamLifecycleRepository {
  /**
   * Records the uninstall; a repeated event keeps the first date (the grace period does not restart). `byOrg`:
   * the workspace leaves because its whole Enterprise Grid org uninstalled the org-wide install.
   */
  markUninstalled(
    teamId: string,
    enterpriseId: string | null,
    at: Date,
    purgeAfter: Date,
    options?: { byOrg?: boolean },
  ): Promise<void>;
  /** The workspace installed again: its data is no longer scheduled for purging. */
  markReinstalled(teamId: string): Promise<void>;
  /** The org installed org-wide again: the workspaces that left with it are no longer scheduled; their ids. */
  markOrgReinstalled(enterpriseId: string): Promise<string[]>;
  /** Remembers workspaces an org-wide installation acts in (kept until the workspace's data is purged). */
  rememberOrgWorkspaces(enterpriseId: string, teamIds: readonly string[], at: Date): Promise<void>;
  /** The workspaces an org-wide installation was seen acting in, sorted. */
  orgWorkspaces(enterpriseId: string): Promise<string[]>;
  get(teamId: string): Promise<TeamUninstall | null>;
  /** Uninstalled workspaces whose grace period ended by `now` and that are not purged yet. */
  duePurges(now: Date): Promise<TeamUninstall[]>;
  markPurged(teamId: string, at: Date): Promise<void>;
}

export interface ChannelSharing {
  isExtShared: boolean;
  checkedAt: Date;
}

export interface ChannelSharingRepository {
  get(teamId: string, channelId: string): Promise<ChannelSharing | null>;
  set(teamId: string, channelId: string, isExtShared: boolean, at: Date): Promise<void>;
}

/** The internal channel where a deal's coaching goes while its own channel is shared with the customer. */
export interface CoachingChannelRepository {
  get(teamId: string, dealId: number): Promise<string | null>;
  /** null unlinks it. */
  set(teamId: string, dealId: number, channelId: string | null, at: Date): Promise<void>;
}

export type TeamTables = Record<string, Array<Record<string, unknown>>>;

export interface TeamDataRepository {
  /** Every row of the team's data, table by table (installations and their tokens excluded). */
  exportTeam(teamId: string): Promise<TeamTables>;
  /** Deletes every row of the team in one transaction, installations included; counts per table. */
  purgeTeam(teamId: string): Promise<Record<string, number>>;
}
