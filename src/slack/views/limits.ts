/**
 * Block Kit limits the app must respect (https://api.slack.com/reference/block-kit).
 * The local emulator enforces the same table.
 */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  blocksPerHomeTab: 100,
  messageText: 40_000,
  sectionText: 3_000,
  sectionFields: 10,
  sectionFieldText: 2_000,
  headerText: 150,
  contextElements: 10,
  contextText: 2_000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  blockId: 255,
  optionText: 75,
  optionValue: 150,
  staticSelectOptions: 100,
  overflowOptions: 5,
  modalTitle: 24,
  modalSubmit: 24,
  modalClose: 24,
  privateMetadata: 3_000,
  callbackId: 255,
  inputLabel: 2_000,
  inputHint: 2_000,
  plainTextInputMaxLength: 3_000,
  placeholder: 150,
} as const;
