import type { RouteHandler } from '../http/server.js';
import { createSlackEmulator, randomCredentials, type SlackEmulator } from './slack-emulator.js';
import { createSandboxWeb, type SandboxWeb } from './web/routes.js';

/** Local mode: the built-in emulator, mounted on the app's own server, with credentials made for this run. */
export interface LocalSlack {
  emulator: SlackEmulator;
  botToken: string;
  signingSecret: string;
  handle: RouteHandler;
  /** The browser sandbox (/sandbox): mount `sandbox.handle`, call `sandbox.close()` before the server closes. */
  sandbox: SandboxWeb;
  /** Called once the server is listening: the emulator learns where the app's /slack/events is. */
  connect(appUrl: string): void;
}

export async function createLocalSlack(options: { clock?: () => Date } = {}): Promise<LocalSlack> {
  const { botToken, signingSecret } = randomCredentials();
  const clock = options.clock;
  const emulator = createSlackEmulator({
    botToken,
    signingSecret,
    ...(clock ? { clock: () => clock().getTime() } : {}),
  });
  const sandbox = await createSandboxWeb(emulator);
  return {
    emulator,
    sandbox,
    botToken,
    signingSecret,
    handle: emulator.handle,
    connect(appUrl) {
      emulator.setAppUrl(appUrl);
      emulator.setBaseUrl(new URL(appUrl).origin);
    },
  };
}
