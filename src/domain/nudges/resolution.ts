/** How a person settled one stalled decision from a nudge: the line the nudge message shows afterwards. */
export type ItemResolution =
  | { kind: 'decided'; userId: string; outcome: string }
  /** `until`: the day in the workspace zone; `untilAt`: the instant (ISO), shown in each reader's zone. */
  | { kind: 'snoozed'; userId: string; until: string; untilAt?: string }
  | { kind: 'new_date'; userId: string; date: string }
  | { kind: 'dropped'; userId: string };
