import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { hasCrm } from '../../flows/crm.js';
import { CRM_IDS } from '../../views/crm-ids.js';
import { saveOrSayWhy } from '../submissions/save-or-say-why.js';
import { crmRefreshButton, crmReviewOverwriteButton, crmSendButton } from './crm-buttons.js';
import { crmDisconnectButton, crmDisconnectCancelButton } from './crm-disconnect-buttons.js';
import { crmMapSubmit, crmOverwriteSubmit } from './crm-submissions.js';
import { crmRecordOptions } from './record-options.js';

/** Review buttons carry the field in their action id: `<prefix>:<field>`. */
const REVIEW_OVERWRITE_ACTION = new RegExp(`^${CRM_IDS.reviewOverwrite}:`);

/** The CRM listeners (typeahead, buttons, modals); none are registered when no CRM is configured. */
export function registerCrm(app: App, deps: AppDeps): void {
  if (!hasCrm(deps)) return;
  app.options(CRM_IDS.recordSearch, crmRecordOptions(deps));
  app.action(CRM_IDS.send, crmSendButton(deps));
  app.action(CRM_IDS.refresh, crmRefreshButton(deps));
  app.action(REVIEW_OVERWRITE_ACTION, crmReviewOverwriteButton(deps));
  app.action(CRM_IDS.disconnect, crmDisconnectButton(deps));
  app.action(CRM_IDS.disconnectCancel, crmDisconnectCancelButton());
  app.view(CRM_IDS.overwriteView, saveOrSayWhy(deps, crmOverwriteSubmit(deps)));
  app.view(CRM_IDS.mapView, saveOrSayWhy(deps, crmMapSubmit(deps)));
}
