/** How a person settled one stalled decision from a nudge: the line the nudge message shows afterwards. */
export type ItemResolution =
  | { kind: 'decided'; userId: string; outcome: string }
  | { kind: 'snoozed'; userId: string; until: string }
  | { kind: 'new_date'; userId: string; date: string }
  | { kind: 'dropped'; userId: string };
