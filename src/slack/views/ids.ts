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
  editDecision: 'edit_decision_modal',
  decisionOutcome: 'decision_outcome_modal',
  dealEntries: 'deal_entries_modal',
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
  internalOnly: 'entry_internal_only',
} as const;

export const DECISION_FORM = {
  title: 'decision_title',
  customerOwnerExisting: 'decision_customer_owner_existing',
  customerOwnerName: 'decision_customer_owner_name',
  ourOwner: 'decision_our_owner',
  dueDate: 'decision_due_date',
  relatedEntries: 'decision_related_entries',
} as const;

/** The `/vision list` message: one overflow per entry, the Undo button after an archive, paging buttons. */
export const ENTRY_LIST = {
  overflow: 'entry_list_overflow',
  undoArchive: 'entry_list_undo_archive',
  page: 'entry_list_page',
  pageBack: 'entry_list_page_back',
} as const;

/** Block ids of the deal setup form; each input's action_id is the same string. */
export const SETUP_FORM = {
  accountName: 'deal_account_name',
  dealName: 'deal_name',
  stage: 'deal_stage',
  owner: 'deal_owner',
  crmUrl: 'deal_crm_url',
  internalChannel: 'deal_internal_channel',
  internalChannelOff: 'deal_internal_channel_off',
} as const;

/** The outcome modal of "Mark decided". */
export const DECISION_OUTCOME_FORM = {
  outcome: 'decision_outcome',
} as const;

/** Buttons and menus of the decision list (`/vision decisions`). */
export const DECISION_ACTIONS = {
  /** Overflow menu on each open decision; option values are `<verb>:<decision id>`. */
  menu: 'decision_menu',
} as const;

/** Buttons on the App Home tab; values are deal ids (ownership re-checked on click). */
export const HOME_ACTIONS = {
  logEntry: 'home_log_entry',
  viewEntries: 'home_view_entries',
} as const;

/** Weekly nudges: buttons on each stalled decision (value = decision id), their modals, the settings modal. */
export const NUDGE_IDS = {
  markDecided: 'nudge_mark_decided',
  snooze: 'nudge_snooze',
  newDate: 'nudge_new_date',
  dropped: 'nudge_dropped',
  /** Block id prefixes; the decision id follows, e.g. `nudge_item:42`. */
  itemBlock: 'nudge_item:',
  actionsBlock: 'nudge_actions:',
  decidedModal: 'nudge_decided_modal',
  newDateModal: 'nudge_new_date_modal',
  settingsModal: 'nudge_settings_modal',
  outcome: 'nudge_outcome',
  date: 'nudge_date',
  day: 'nudge_day',
  time: 'nudge_time',
  timeZone: 'nudge_time_zone',
  stallDays: 'nudge_stall_days',
  enabled: 'nudge_enabled',
} as const;

/** Listening in deal channels: private nudges, capture offers and their buttons. */
export const LISTEN_IDS = {
  /** Nudge button: open the entry modal to log what the customer said. */
  logWhatTheySaid: 'listen_log_what_they_said',
  /** Capture offer buttons, one per kind; the value carries ids and the message ts only. */
  logAsDriver: 'listen_log_as_driver',
  logAsConstraint: 'listen_log_as_constraint',
  logAsSuccessFactor: 'listen_log_as_success_factor',
  /** Turns listening tips off for the person who clicks (same as `/vision quiet`). */
  quiet: 'listen_quiet',
} as const;

/** Shared-vision drafts: buttons on the parent message (values are draft ids) and the two modals. */
export const DRAFT_ACTIONS = {
  regenerate: 'draft_regenerate',
  edit: 'draft_edit',
  markShared: 'draft_mark_shared',
  markConfirmed: 'draft_mark_confirmed',
  markCorrected: 'draft_mark_corrected',
  sendToCrm: 'draft_send_to_crm',
  shareWithCustomer: 'draft_share_with_customer',
} as const;

export const DRAFT_VIEWS = {
  edit: 'draft_edit_modal',
  corrected: 'draft_corrected_modal',
  share: 'draft_share_modal',
} as const;

/** Edit modal: one multiline input per section (block id = prefix + section + part), action id `text`. */
export const DRAFT_EDIT_FORM = {
  blockPrefix: 'draft_edit_',
  action: 'text',
} as const;

export const DRAFT_CORRECTED_FORM = {
  note: 'draft_corrected_note',
  entries: 'draft_corrected_entries',
  statement: 'draft_corrected_statement',
} as const;

/** Post-meeting recaps: the recap modal, proposal buttons in the recap thread, the scheduled recap prompt. */
export const RECAP_IDS = {
  modal: 'recap_modal',
  editEntryModal: 'recap_edit_entry_modal',
  editDecisionModal: 'recap_edit_decision_modal',
  title: 'recap_title',
  date: 'recap_date',
  ourAttendees: 'recap_our_attendees',
  customerExisting: 'recap_customer_existing',
  customerNew: 'recap_customer_new',
  notes: 'recap_notes',
  /** Paste parts: `recap_transcript_1`, `recap_transcript_2`, ... */
  transcriptPart: 'recap_transcript_',
  file: 'recap_file',
  fileLink: 'recap_file_link',
  ourSpeakers: 'recap_our_speakers',
  proposedByUs: 'recap_proposed_by_us',
  /** Buttons on each proposal; value = proposal id. Block ids: `recap_proposal:<id>`. */
  confirm: 'recap_confirm',
  edit: 'recap_edit',
  discard: 'recap_discard',
  proposalBlock: 'recap_proposal:',
  refreshDraft: 'recap_refresh_draft',
  /** "Write the recap" on the scheduled prompt; value = meeting id. */
  openFromPrompt: 'recap_open_from_prompt',
  /** "Try again" on the message about a recap that failed after its modal closed; value = submission id. */
  retrySubmission: 'recap_retry_submission',
  decisionTitle: 'recap_decision_title',
  decisionOwner: 'recap_decision_owner',
  decisionDue: 'recap_decision_due',
} as const;
