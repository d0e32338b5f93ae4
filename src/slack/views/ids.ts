/**
 * Every callback_id, action_id and block_id the app uses, in one place, so listeners and view builders agree.
 * Features add their own groups.
 */
export const ACTION_IDS = {
  /** Message shortcut declared in manifests/manifest.json. */
  logMessageShortcut: 'log_message_to_vision',
  /** "Set up this deal" button on intros and on commands used in unlinked channels. */
  setupDeal: 'setup_deal',
} as const;

export const VIEW_IDS = {
  setupDeal: 'setup_deal_modal',
  logEntry: 'log_entry_modal',
  editEntry: 'edit_entry_modal',
  logDecision: 'log_decision_modal',
} as const;

/** Block ids of the entry form; each input's action_id is the same string. */
export const ENTRY_FORM = {
  kind: 'entry_kind',
  statement: 'entry_statement',
  quote: 'entry_quote',
  stakeholderExisting: 'entry_stakeholder_existing',
  stakeholderName: 'entry_stakeholder_name',
  stakeholderTitle: 'entry_stakeholder_title',
  stakeholderRole: 'entry_stakeholder_role',
  source: 'entry_source',
  saidOn: 'entry_said_on',
  priority: 'entry_priority',
  status: 'entry_status',
  constraintCategory: 'entry_constraint_category',
  severity: 'entry_severity',
} as const;

export const DECISION_FORM = {
  title: 'decision_title',
  customerOwnerExisting: 'decision_customer_owner_existing',
  customerOwnerName: 'decision_customer_owner_name',
  ourOwner: 'decision_our_owner',
  dueDate: 'decision_due_date',
  relatedEntries: 'decision_related_entries',
} as const;
