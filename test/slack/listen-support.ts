import fs from 'node:fs';
import path from 'node:path';
import type { EphemeralMessage, JsonObject } from '../../src/sandbox/emulator/types.js';
import type { TestApp } from '../support/harness.js';
import { vendorPath } from '../support/vendor-fixtures.js';

export { addEntry, everything, linkDeal } from '../support/deal-fixtures.js';

const EVENTS = vendorPath('slack/events');

/** The inner `event` of one of Slack's sample payloads (bolt-python or java-slack-sdk), with ids replaced. */
export function fixtureEvent(file: string, overrides: JsonObject): JsonObject {
  const raw = JSON.parse(fs.readFileSync(path.join(EVENTS, file), 'utf8')) as JsonObject;
  const event = structuredClone((raw.event ?? raw) as JsonObject);
  return { ...event, ...overrides };
}

/** A clock the test moves by hand (the app's; the emulator keeps real time for message ts). */
export function manualClock(start = '2026-11-20T15:00:00.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advanceDays(days: number) {
      now += days * 86_400_000;
    },
  };
}

export function ephemerals(t: TestApp, userId: string): EphemeralMessage[] {
  return t.emulator.state.ephemeralsFor(userId);
}

/** Every ephemeral the app posted through the API (not command acks or responses). */
export function apiEphemerals(t: TestApp): EphemeralMessage[] {
  return t.emulator.state.ephemerals.filter((m) => m.source === 'api');
}

/** Messages the bot posted in a channel (top level and in threads). */
export function botPosts(t: TestApp, channelId: string) {
  return t.emulator.state.allMessages(channelId).filter((m) => m.user === t.ids.botUser);
}

export const PRESCRIBING = 'Our platform can fix that for them, let me show you a demo on Friday.';
export const CUSTOMER_WORDS = 'Dana said: we lose three days on every cross-border shipment';

/** views.open's `view` argument as the emulator logged it (the WebClient sends it JSON-encoded). */
export function openedView(raw: unknown): {
  callback_id: string;
  private_metadata: string;
  blocks: unknown[];
} {
  return typeof raw === 'string' ? JSON.parse(raw) : (raw as ReturnType<typeof openedView>);
}
