import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/slack/views/limits.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';
import { ACME_ENTRIES, listeningCheckOf, parentOf, type SeedEntry, seedDeal } from './draft-support.js';

describe('/vision export and long drafts, end to end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('says there is nothing to export before the first draft', async () => {
    await seedDeal(t, ACME_ENTRIES);
    await t.driver.slashCommand({ userId: t.ids.manager, channelId: t.ids.dealAcme, text: 'export' });
    const answer = await waitFor('the answer', () => t.emulator.state.ephemeralsFor(t.ids.manager).at(0));
    expect(answer.text).toContain('no shared vision draft yet');
    expect(t.emulator.state.files.size).toBe(0);
  });

  it('uploads the latest draft as a Markdown file (files upload v2) whose content is the customer export', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'draft' });
    await parentOf(t, 1);
    await listeningCheckOf(t, t.ids.rep, 1);
    const deal = (await t.repos.deals.getByChannel(t.ids.team, t.ids.dealAcme))!;
    const latest = (await t.repos.drafts.latest(t.ids.team, deal.id))!;

    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'export' });
    const file = await waitFor('the uploaded file', () =>
      [...t.emulator.state.files.values()].find((f) => f.completed),
    );
    expect(file.name).toBe('shared-vision-acme-v1.md');
    expect(file.title).toBe("Here's what we heard: Acme (v1)");
    expect(file.channels).toEqual([t.ids.dealAcme]);
    expect(file.bytes?.toString('utf8')).toBe(latest.renderedText);
    expect(latest.renderedText).toContain("# Here's what we heard: Acme");
    expect(latest.renderedText).not.toContain('Listening check');
    expect(t.emulator.state.calls('files.getUploadURLExternal')).toHaveLength(1);
    const shared = t.emulator.state.messages(t.ids.dealAcme).find((m) => m.files?.includes(file.id));
    expect(shared?.text).toContain(`exported by <@${t.ids.rep}>`);
  });

  it('splits a long draft across thread messages of at most 50 blocks each', async () => {
    const channel = 'C0DEALBIG';
    t.emulator.state.addChannel({ id: channel, name: 'deal-big', members: [t.ids.rep, t.ids.botUser] });
    const kinds = ['driver', 'success_factor', 'constraint', 'initiative'] as const;
    const many: SeedEntry[] = Array.from({ length: 240 }, (_, i) => ({
      kind: kinds[i % kinds.length]!,
      statement: `Point ${i}: ${'a long explanation of what the customer told us '.repeat(12)}`,
      quote: `we said thing number ${i} ${'in many words '.repeat(20)}`,
    }));
    await seedDeal(t, many, channel, 'Bigco');
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: channel, text: 'draft' });
    const parent = await parentOf(t, 1, channel);
    await listeningCheckOf(t, t.ids.rep, 1, channel);
    const replies = t.emulator.state.threadReplies(channel, parent.ts);
    expect(replies.length).toBeGreaterThan(1);
    for (const reply of replies) {
      expect(reply.blocks?.length ?? 0).toBeGreaterThan(0);
      expect(reply.blocks!.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    }
    expect(t.emulator.state.messages(channel)).toHaveLength(1); // the channel only gets the short parent
  });
});
