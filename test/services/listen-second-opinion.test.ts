import { describe, expect, it } from 'vitest';
import {
  type MessageJudge,
  type ModelJudgement,
  UNSURE_BELOW,
} from '../../src/domain/classifier/second-opinion.js';
import type { ClassifierResult } from '../../src/domain/classifier/types.js';
import { createModelGate } from '../../src/domain/model-gate.js';
import { createLogger } from '../../src/logger.js';
import {
  judgeWithSecondOpinion,
  type ListenSecondOpinion,
  listenAiStatus,
  type SecondOpinionDeps,
} from '../../src/services/listen-second-opinion.js';
import type { ListenModelRepository, ListenModelSetting } from '../../src/storage/ports.js';

const TEAM = 'T0ONE';
const REP = 'U0REP';
const TEXT = 'plan for tmrw: quick overview then the product tour';

/** The repository port in memory: a switch per team and a count per (team, day). */
function memoryListenModel(): ListenModelRepository & { counts: Map<string, number> } {
  const settings = new Map<string, ListenModelSetting>();
  const counts = new Map<string, number>();
  return {
    counts,
    async getSetting(teamId) {
      return settings.get(teamId) ?? { enabled: false, changedBy: null, changedAt: null };
    },
    async setEnabled(teamId, enabled, userId, now) {
      settings.set(teamId, { enabled, changedBy: userId, changedAt: now });
    },
    async takeCall(teamId, day, cap) {
      const key = `${teamId}:${day}`;
      const used = counts.get(key) ?? 0;
      if (used >= cap) return false;
      counts.set(key, used + 1);
      return true;
    },
    async callsOn(teamId, day) {
      return counts.get(`${teamId}:${day}`) ?? 0;
    },
  };
}

const local = (label: ClassifierResult['label'], confidence: number): ClassifierResult => ({
  label,
  confidence,
  reasons: [`read as ${label}`],
  topWords: ['overview'],
  evidence: label === 'prescribing' ? 'quick overview then the product tour' : null,
  quote: null,
  suggestedKind: null,
});

function setup(options: { cap?: number; judge?: MessageJudge; timeoutMs?: number; noModel?: boolean } = {}) {
  let now = new Date('2026-11-20T23:59:00.000Z');
  const calls: string[] = [];
  const judgement: ModelJudgement = {
    label: 'prescribing',
    confidence: 0.93,
    quotedWords: ['the product tour', 'words that were never written'],
  };
  const judge: MessageJudge =
    options.judge ??
    (async (text) => {
      calls.push(text);
      return judgement;
    });
  const repo = memoryListenModel();
  const opinion: ListenSecondOpinion = {
    judge,
    model: 'gpt-test',
    provider: 'api.openai.com',
    timeoutMs: options.timeoutMs ?? 1_000,
    dailyCap: options.cap ?? 200,
  };
  const deps: SecondOpinionDeps = {
    repos: { listenModel: repo },
    clock: () => now,
    logger: createLogger('error', 'test', () => {}),
    modelGate: createModelGate({ global: 4, perUser: 1 }),
    ...(options.noModel ? {} : { listenSecondOpinion: opinion }),
  };
  return {
    deps,
    repo,
    calls,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    judge: (result: ClassifierResult) =>
      judgeWithSecondOpinion(deps, { teamId: TEAM, userId: REP }, TEXT, result),
  };
}

describe('model second opinion: the unsure band', () => {
  it('asks the model only below UNSURE_BELOW, and only when the workspace turned it on', async () => {
    const s = setup();
    expect((await s.judge(local('neutral', 0.6))).outcome).toBe('off');
    expect(s.calls).toEqual([]);
    await s.repo.setEnabled(TEAM, true, 'U0ADMIN', new Date());
    expect((await s.judge(local('neutral', UNSURE_BELOW))).outcome).toBe('sure');
    expect((await s.judge(local('prescribing', 0.97))).outcome).toBe('sure');
    expect(s.calls).toEqual([]);
    const judged = await s.judge(local('neutral', UNSURE_BELOW - 0.01));
    expect(s.calls).toEqual([TEXT]);
    expect(judged).toMatchObject({ outcome: 'used', model: 'gpt-test' });
    expect(judged.result).toMatchObject({
      label: 'prescribing',
      confidence: 0.93,
      topWords: ['the product tour'],
      evidence: 'the product tour',
    });
  });

  it('gives no second opinion without a model (the offline provider)', async () => {
    const s = setup({ noModel: true });
    await s.repo.setEnabled(TEAM, true, 'U0ADMIN', new Date());
    const judged = await s.judge(local('neutral', 0.4));
    expect(judged).toMatchObject({ outcome: 'no_model', model: null, result: { label: 'neutral' } });
    expect(s.repo.counts.size).toBe(0);
  });
});

describe('model second opinion: the daily cap', () => {
  it('stops at the cap for the rest of the UTC day and starts again after midnight UTC', async () => {
    const s = setup({ cap: 2 });
    await s.repo.setEnabled(TEAM, true, 'U0ADMIN', new Date());
    expect((await s.judge(local('neutral', 0.5))).outcome).toBe('used');
    expect((await s.judge(local('neutral', 0.5))).outcome).toBe('used');
    const capped = await s.judge(local('neutral', 0.5));
    expect(capped).toMatchObject({ outcome: 'capped', result: { label: 'neutral', confidence: 0.5 } });
    expect(s.calls).toHaveLength(2);
    expect((await listenAiStatus(s.deps, TEAM)).usedToday).toBe(2);
    s.setNow('2026-11-21T00:00:01.000Z');
    expect((await s.judge(local('neutral', 0.5))).outcome).toBe('used');
    expect(s.calls).toHaveLength(3);
    expect(await listenAiStatus(s.deps, TEAM)).toMatchObject({ usedToday: 1, dailyCap: 2, enabled: true });
  });

  it('counts a failed call, and keeps the local result when the model fails, is slow or answers nonsense', async () => {
    const failing = setup({
      cap: 5,
      judge: async () => {
        throw new Error('server error: HTTP 500');
      },
    });
    await failing.repo.setEnabled(TEAM, true, 'U0ADMIN', new Date());
    const before = local('prescribing', 0.55);
    const reasons: string[] = [];
    failing.deps.listenSecondOpinion!.onFallback = (reason) => reasons.push(reason);
    expect(await failing.judge(before)).toEqual({ result: before, outcome: 'failed', model: null });
    expect(reasons).toEqual(['unknown']);
    expect(await failing.repo.callsOn(TEAM, '2026-11-20')).toBe(1);

    const slow = setup({
      timeoutMs: 20,
      judge: (_text, signal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    await slow.repo.setEnabled(TEAM, true, 'U0ADMIN', new Date());
    expect((await slow.judge(before)).outcome).toBe('failed');

    const nonsense = setup({
      judge: async () => ({ label: 'shouting' as never, confidence: 0.9, quotedWords: [] }),
    });
    await nonsense.repo.setEnabled(TEAM, true, 'U0ADMIN', new Date());
    expect(await nonsense.judge(before)).toMatchObject({ outcome: 'invalid', result: before });
  });

  it('does not count or call when every model slot is taken (busy)', async () => {
    const s = setup();
    await s.repo.setEnabled(TEAM, true, 'U0ADMIN', new Date());
    const release = s.deps.modelGate!.tryEnter(TEAM, REP);
    expect((await s.judge(local('neutral', 0.5))).outcome).toBe('busy');
    release?.();
    expect(s.calls).toEqual([]);
    expect(s.repo.counts.size).toBe(0);
  });
});
