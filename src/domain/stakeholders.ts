export const BUYING_ROLES = [
  'economic_buyer',
  'champion',
  'technical_evaluator',
  'user',
  'blocker',
  'other',
] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

export const BUYING_ROLE_LABELS: Record<BuyingRole, string> = {
  economic_buyer: 'Economic buyer',
  champion: 'Champion',
  technical_evaluator: 'Technical evaluator',
  user: 'User',
  blocker: 'Blocker',
  other: 'Other',
};

/** A person on the customer side of a deal. */
export interface Stakeholder {
  id: number;
  teamId: string;
  dealId: number;
  name: string;
  title: string | null;
  buyingRole: BuyingRole;
  createdAt: Date;
}

export type NewStakeholder = Pick<Stakeholder, 'teamId' | 'dealId' | 'name'> & {
  title?: string | null;
  buyingRole?: BuyingRole;
};

/** Case- and space-insensitive key so "Dana  Lee" and "dana lee" are one stakeholder. */
export function stakeholderKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
