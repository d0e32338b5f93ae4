import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const textOf = (message: { text: string; blocks?: unknown[] }) =>
  `${message.text}\n${JSON.stringify(message.blocks ?? [])}`;

describe('/vision help, end to end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(['', 'help', 'HELP'])('/vision %s answers ephemerally with the command list', async (text) => {
    const user = `U0H${text.length}${text === 'HELP' ? 'X' : ''}`;
    t.emulator.state.addUser({
      id: user,
      name: `u${user}`,
      realName: 'Test',
      tz: 'UTC',
      tzLabel: 'UTC',
      tzOffset: 0,
      isBot: false,
      email: 'x@example.com',
    });
    const result = await t.driver.slashCommand({ userId: user, channelId: t.ids.dealAcme, text });
    expect(result.status).toBe(200);
    const [reply] = await waitFor('an ephemeral reply', () => {
      const found = t.emulator.state.ephemeralsFor(user);
      return found.length > 0 ? found : undefined;
    });
    expect(reply?.channel).toBe(t.ids.dealAcme);
    expect(textOf(reply!)).toContain('/vision help');
    // Nothing was posted to the channel for everyone.
    expect(
      t.emulator.state.messages(t.ids.dealAcme).filter((m) => JSON.stringify(m).includes('/vision help')),
    ).toEqual([]);
  });

  it('answers an unknown subcommand with the help and a "did you mean"', async () => {
    await t.driver.slashCommand({ userId: t.ids.manager, channelId: t.ids.dealAcme, text: 'hlep me' });
    const [reply] = await waitFor('an ephemeral reply', () => {
      const found = t.emulator.state.ephemeralsFor(t.ids.manager);
      return found.length > 0 ? found : undefined;
    });
    expect(reply!.text).toContain("I don't know `/vision hlep`");
    expect(reply!.text).toContain('Did you mean `/vision help`?');
  });

  it('escapes what the user typed before echoing it', async () => {
    await t.driver.slashCommand({ userId: t.ids.engineer, channelId: t.ids.dealAcme, text: '<!channel>' });
    const [reply] = await waitFor('an ephemeral reply', () => {
      const found = t.emulator.state.ephemeralsFor(t.ids.engineer);
      return found.length > 0 ? found : undefined;
    });
    expect(reply!.text).not.toContain('<!channel>');
    expect(reply!.text).toContain('&lt;!channel&gt;');
  });
});
