import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { VIEW_IDS } from '../../views/ids.js';
import { decisionOutcomeSubmit } from './decision-outcome-submit.js';
import { decisionSubmit } from './decision-submit.js';
import { registerDraftViews } from './draft-views.js';
import { entrySubmitHandler } from './entry-submit.js';
import { registerNudgeModals } from './nudge-modals.js';
import { registerRecapViews } from './recap-submit.js';
import { saveOrSayWhy } from './save-or-say-why.js';
import { setupSubmit } from './setup-submit.js';

/** Registers every view listener; each feature adds its line here. */
export function registerSubmissions(app: App, deps: AppDeps): void {
  registerRecapViews(app, deps);
  registerDraftViews(app, deps);
  registerNudgeModals(app, deps);
  app.view(VIEW_IDS.logEntry, saveOrSayWhy(deps, entrySubmitHandler(deps)));
  app.view(VIEW_IDS.editEntry, saveOrSayWhy(deps, entrySubmitHandler(deps)));
  app.view(VIEW_IDS.setupDeal, saveOrSayWhy(deps, setupSubmit(deps)));
  app.view(VIEW_IDS.logDecision, saveOrSayWhy(deps, decisionSubmit(deps)));
  app.view(VIEW_IDS.editDecision, saveOrSayWhy(deps, decisionSubmit(deps)));
  app.view(VIEW_IDS.decisionOutcome, saveOrSayWhy(deps, decisionOutcomeSubmit(deps)));
}
