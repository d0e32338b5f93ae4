/**
 * Every callback_id, action_id and block_id the app uses, in one place, so listeners and view builders agree.
 * Features add their own groups.
 */
export const ACTION_IDS = {
  /** Message shortcut declared in manifests/manifest.json. */
  logMessageShortcut: 'log_message_to_vision',
  setupDeal: 'setup_deal',
} as const;

export const VIEW_IDS = {
  setupDeal: 'setup_deal_modal',
} as const;
