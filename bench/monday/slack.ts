/**
 * For bench/monday.ts, in its own process (its call log must not count in the run's RSS): the Slack emulator
 * with BENCH_CHANNELS deal channels (the bot a member of each) and BENCH_OWNERS owners. Prints `{"url": ...}`.
 */

import { DEMO_IDS } from '../../src/sandbox/seed.js';
import { createSlackEmulator } from '../../src/sandbox/slack-emulator.js';
import { readTargetEnv } from '../ack/target-env.mjs';
import { channelId, ownerId } from './ids.js';

const { signingSecret, botToken } = readTargetEnv();
const emulator = createSlackEmulator({ signingSecret, botToken });
for (let i = 0; i < Number(process.env.BENCH_OWNERS); i++) {
  emulator.state.addUser({
    id: ownerId(i),
    name: `owner${i}`,
    realName: `Owner ${i}`,
    tz: 'UTC',
    tzLabel: 'UTC',
    tzOffset: 0,
    isBot: false,
    email: `owner${i}@example.com`,
  });
}
for (let i = 0; i < Number(process.env.BENCH_CHANNELS); i++)
  emulator.state.addChannel({ id: channelId(i), name: `deal-${i}`, members: [DEMO_IDS.botUser, ownerId(i)] });
const server = await emulator.listen(0);
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.on('SIGTERM', () => {
  server.close().finally(() => process.exit(0));
});
