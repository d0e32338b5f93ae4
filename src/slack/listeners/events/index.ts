import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';

/** Registers every event listener; each feature adds its line here. */
export function registerEvents(app: App, deps: AppDeps): void {
  void app;
  void deps;
}
