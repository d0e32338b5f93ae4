import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';

describe('LISTEN_AI_DAILY_CAP', () => {
  it('defaults to 200 model second opinions per workspace per day, and reads a whole number', () => {
    expect(parseConfig({}).listenAiDailyCap).toBe(200);
    expect(parseConfig({ LISTEN_AI_DAILY_CAP: '25' }).listenAiDailyCap).toBe(25);
    expect(parseConfig({ LISTEN_AI_DAILY_CAP: '0' }).listenAiDailyCap).toBe(0);
  });

  it('refuses anything else with a clear problem', () => {
    for (const value of ['-1', 'lots', '1e3', '200000']) {
      expect(() => parseConfig({ LISTEN_AI_DAILY_CAP: value }), value).toThrow(ConfigError);
    }
    try {
      parseConfig({ LISTEN_AI_DAILY_CAP: 'lots' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'LISTEN_AI_DAILY_CAP must be a whole number of model calls per workspace per day',
      ]);
    }
  });
});
