import { afterEach, describe, expect, it } from 'vitest';
import { nordfreight } from '../domain/drafts/deal-fixtures.js';
import { validNordfreightReply } from '../llm/draft-replies.js';
import { type ConnectProxy, startConnectProxy } from '../support/connect-proxy.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  chatCompletion,
  type OpenAIMockServer,
  startOpenAIMockServer,
} from '../support/openai-mock-server.js';

const hostOf = (url: string) => new URL(url).host;

describe('HTTPS_PROXY / NO_PROXY for Slack and the model', () => {
  let proxy: ConnectProxy;
  let model: OpenAIMockServer;
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    await model.close();
    await proxy.close();
  });

  async function start(noProxy: string | undefined) {
    proxy = await startConnectProxy();
    model = await startOpenAIMockServer();
    t = await startTestApp({
      openai: { baseURL: model.baseURL },
      proxy: { httpsProxy: proxy.url, httpProxy: proxy.url, noProxy },
    });
    return t;
  }

  it('tunnels Web API calls, response_url replies and model calls through the proxy', async () => {
    const app = await start(undefined);
    const result = await app.driver.slashCommand({
      userId: app.ids.rep,
      channelId: app.ids.dealAcme,
      text: 'help',
    });
    expect(result.status).toBe(200);
    model.reply(
      chatCompletion(JSON.stringify(validNordfreightReply()), {
        usage: { prompt_tokens: 50, completion_tokens: 7 },
      }),
    );
    const draft = await app.app.deps.drafting.draft(nordfreight());
    expect(draft.meta.provider).toBe('openai');

    const slackHost = hostOf(app.emulator.apiUrl);
    expect(proxy.tunnels).toContain(slackHost);
    expect(proxy.tunnels).toContain(hostOf(model.baseURL));
    const metrics = await (await fetch(`${app.app.url}/metrics`)).text();
    expect(metrics).toContain('shared_vision_model_calls_total{outcome="ok"} 1');
    expect(metrics).toContain('shared_vision_model_tokens_total{kind="prompt"} 50');
  });

  it('reaches NO_PROXY hosts directly', async () => {
    const app = await start('127.0.0.1,localhost');
    await app.driver.slashCommand({ userId: app.ids.rep, channelId: app.ids.dealAcme, text: 'help' });
    model.reply(chatCompletion(JSON.stringify(validNordfreightReply())));
    const draft = await app.app.deps.drafting.draft(nordfreight());
    expect(draft.meta.provider).toBe('openai');
    expect(proxy.tunnels).toEqual([]);
  });
});
