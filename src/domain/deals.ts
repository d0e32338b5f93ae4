export const DEFAULT_STAGES = [
  'discovery',
  'qualification',
  'solution',
  'proposal',
  'negotiation',
  'closed won',
  'closed lost',
] as const;

export const CLOSED_STAGES: readonly string[] = ['closed won', 'closed lost'];

/** A deal is linked to exactly one Slack channel in one workspace (team). */
export interface Deal {
  id: number;
  teamId: string;
  channelId: string;
  accountName: string;
  dealName: string;
  stage: string;
  ownerUserId: string;
  crmUrl: string | null;
  /** Days without activity before a decision counts as stalled; null = workspace default. */
  stallDays: number | null;
  nudgesMuted: boolean;
  archived: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type NewDeal = Pick<
  Deal,
  'teamId' | 'channelId' | 'accountName' | 'dealName' | 'stage' | 'ownerUserId'
> & {
  crmUrl?: string | null;
};

export function isClosedStage(stage: string): boolean {
  return CLOSED_STAGES.includes(stage.toLowerCase());
}

/** A deal the app should still work on: not archived and not closed. */
export function isActiveDeal(deal: Pick<Deal, 'archived' | 'stage'>): boolean {
  return !deal.archived && !isClosedStage(deal.stage);
}
