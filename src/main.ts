import { startApp } from './app.js';
import { startupBanner } from './banner.js';
import { ConfigError } from './config/config.js';
import { loadConfig } from './config/load.js';
import { installProcessPolicy } from './http/process-policy.js';
import { createLogger, redact } from './logger.js';

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
  const logger = createLogger(config.logLevel);
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  installProcessPolicy(logger.child('process'), () => {
    const stopping = app ? app.stop() : Promise.resolve();
    const forced = setTimeout(() => process.exit(1), 15_000);
    forced.unref();
    stopping.finally(() => process.exit(1));
  });
  app = await startApp(config, { scheduler: true, logger });
  const running = app;
  process.stdout.write(`${startupBanner(config, running.url, running.storage.engine)}\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.deps.logger.info(`${signal} received`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.deps.logger.error('shutdown failed', error);
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
