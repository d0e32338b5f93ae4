/**
 * Spaces Slack posts: at least `gapMs` between two posts (Slack allows about one message per second per
 * channel, and a weekly run posts in many channels back to back). 429s are still handled by the WebClient.
 */
export class Pacer {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly gapMs: number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly nowMs: () => number = () => Date.now(),
  ) {}

  async wait(): Promise<void> {
    const due = this.last + this.gapMs - this.nowMs();
    if (due > 0) await this.sleep(due);
    this.last = this.nowMs();
  }
}

export const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
