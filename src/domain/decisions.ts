export const DECISION_STATUSES = ['open', 'decided', 'dropped'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** A choice the customer still has to make. */
export interface Decision {
  id: number;
  teamId: string;
  dealId: number;
  /** What the customer must decide. */
  title: string;
  customerOwnerId: number | null;
  ourOwnerUserId: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  status: DecisionStatus;
  outcome: string | null;
  /** Snoozed decisions are not nudged before this time. */
  snoozedUntil: Date | null;
  lastActivityAt: Date;
  relatedEntryIds: number[];
  /** Slack message ts of the thread where it is discussed, if any. */
  threadTs: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewDecision = Pick<Decision, 'teamId' | 'dealId' | 'title' | 'createdBy'> & {
  customerOwnerId?: number | null;
  ourOwnerUserId?: string | null;
  dueDate?: string | null;
  relatedEntryIds?: number[];
};

export type DecisionUpdate = Partial<
  Pick<
    Decision,
    | 'title'
    | 'customerOwnerId'
    | 'ourOwnerUserId'
    | 'dueDate'
    | 'status'
    | 'outcome'
    | 'snoozedUntil'
    | 'relatedEntryIds'
    | 'threadTs'
  >
>;
