import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cwd = new URL('../../', import.meta.url).pathname;
/** The project's own tsx (what `npx tsx` resolves to), without npx's lookup on every spawn. */
const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
/** Each spawn starts a fresh tsx; leave room for a busy machine. */
const SPAWN_TIMEOUT_MS = 60_000;

async function classify(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(tsx, ['src/cli/classify.ts', ...args], { cwd });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe('npm run classify', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('prints the class, why and the strongest words for a pitch', async () => {
    const { stdout, code } = await classify('let me show you a demo of our platform');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^class: prescribing \(confidence (0\.\d\d|1\.00)\)/);
    expect(stdout).toContain('because: "let me show you a demo of our platform"');
    expect(stdout).toMatch(/strongest words: .*demo/);
  });

  it('prints the quote and suggested kind for customer words, reading Slack escapes', async () => {
    const { stdout } = await classify('&gt; no new spend before the March freeze\nfrom their CFO');
    expect(stdout).toContain('class: customer_words');
    expect(stdout).toContain('quote: no new spend before the March freeze');
    expect(stdout).toContain('suggested kind: constraint');
  });

  it('prints the full result as JSON with --json', async () => {
    const { stdout } = await classify('--json', "what's their budget? need to ask Dana");
    expect(JSON.parse(stdout)).toMatchObject({ label: 'diagnosing', quote: null, suggestedKind: null });
  });

  it('prints markdown tables for the frozen test split and the adversarial split with --eval', async () => {
    const { stdout, code } = await classify('--eval');
    expect(code).toBe(0);
    expect(stdout).toContain('**frozen test split** (170 messages');
    expect(stdout).toContain('**adversarial split** (90 messages');
    expect(stdout).toContain('| class | support | precision | recall | F1 |');
  });

  it('exits 2 with usage when there is no text', async () => {
    const { stderr, code } = await classify();
    expect(code).toBe(2);
    expect(stderr).toContain('usage:');
  });
});
