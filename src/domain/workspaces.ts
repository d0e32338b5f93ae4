/** Per-workspace (Slack team) settings; every field has a default so a new workspace works at once. */
export interface WorkspaceSettings {
  /** Deal stages offered in the setup modal. */
  stages: string[];
  /** Channel-name prefix that makes the app offer setup when such a channel is created. */
  dealChannelPrefix: string;
  /** Open decisions with no activity for this many days are stalled. */
  stallDays: number;
  /** Weekly nudge schedule. 0 = Sunday ... 6 = Saturday. */
  nudgeDay: number;
  /** HH:MM, 24 h. */
  nudgeTime: string;
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  nudgesEnabled: boolean;
  /** Confirmed customer drivers needed before prescribing is fine. */
  listenFirstDriverThreshold: number;
}

export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = {
  stages: ['discovery', 'qualification', 'solution', 'proposal', 'negotiation', 'closed won', 'closed lost'],
  dealChannelPrefix: 'deal-',
  stallDays: 7,
  nudgeDay: 1,
  nudgeTime: '09:00',
  timeZone: 'UTC',
  nudgesEnabled: true,
  listenFirstDriverThreshold: 3,
};

export interface Workspace {
  teamId: string;
  settings: WorkspaceSettings;
  createdAt: Date;
  updatedAt: Date;
}

/** Stored settings may predate newer fields: fill the gaps from the defaults. */
export function withDefaultSettings(
  partial: Partial<WorkspaceSettings> | null | undefined,
): WorkspaceSettings {
  return { ...DEFAULT_WORKSPACE_SETTINGS, ...(partial ?? {}) };
}
