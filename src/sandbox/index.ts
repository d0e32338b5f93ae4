export { createDriver, type SlackDriver } from './driver.js';
export type { Fault } from './emulator/faults.js';
export type { StateChange, WorkspaceState } from './emulator/state.js';
export type * from './emulator/types.js';
export { createLocalSlack, type LocalSlack } from './local-slack.js';
export { DEMO_IDS, DEMO_SEED, type WorkspaceSeed } from './seed.js';
export { computeSlackSignature, slackSignatureHeaders } from './signing.js';
export { createSlackEmulator, randomCredentials, type SlackEmulator } from './slack-emulator.js';
