import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';

/** Registers every action listener; each feature adds its line here. */
export function registerActions(app: App, deps: AppDeps): void {
  void app;
  void deps;
}
