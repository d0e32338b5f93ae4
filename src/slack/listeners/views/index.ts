import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';

/** Registers every view listener; each feature adds its line here. */
export function registerViews(app: App, deps: AppDeps): void {
  void app;
  void deps;
}
