import type { Reporter, TestModule } from 'vitest/node';

/**
 * Closes the run with one line per reason tests were skipped at run time (`ctx.skip(note)`), e.g. browser tests on a
 * machine without Chromium, so a green run never hides that part of the suite did not run.
 */
export default class NotRunReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const byNote = new Map<string, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped')) {
        const result = test.result();
        if (result.state === 'skipped' && result.note) {
          byNote.set(result.note, (byNote.get(result.note) ?? 0) + 1);
        }
      }
    }
    for (const [note, count] of byNote) {
      process.stdout.write(`   Not run  ${count} test${count === 1 ? '' : 's'}: ${note}\n`);
    }
  }
}
