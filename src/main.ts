import { startApp } from './app.js';
import { startupBanner } from './banner.js';
import { ConfigError } from './config/config.js';
import { loadConfig } from './config/load.js';
import { redact } from './logger.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write('shared-vision cannot start, the configuration has problems:\n');
      for (const problem of error.problems) process.stderr.write(`  - ${problem}\n`);
      process.stderr.write('See .env.example for every variable.\n');
      process.exit(1);
    }
    throw error;
  }
  const app = await startApp(config, { scheduler: true });
  process.stdout.write(`${startupBanner(config, app.url, app.storage.engine)}\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.deps.logger.info(`${signal} received`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.deps.logger.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`shared-vision failed to start: ${redact(message.split('\n')[0] ?? '')}\n`);
  process.exit(1);
});
