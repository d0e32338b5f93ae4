import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { forgetOrg, forgetTeam } from '../../../services/uninstall.js';
import type { AppDeps } from '../../deps.js';

type Args = (SlackEventMiddlewareArgs<'app_uninstalled'> | SlackEventMiddlewareArgs<'tokens_revoked'>) &
  AllMiddlewareArgs;

/**
 * app_uninstalled, or tokens_revoked for our bot: stop the team's jobs, delete its tokens at once, and its data
 * after the configured grace period. A revoked user token alone changes nothing (the app acts as its bot).
 * From an org-wide install (Enterprise Grid: `is_enterprise_install`, the org's id) the whole org leaves: its
 * token goes, and every workspace of the org is forgotten the same way.
 */
export function registerUninstall(app: App, deps: AppDeps): void {
  const forget = async ({ event, body, context }: Args): Promise<void> => {
    if (event.type === 'tokens_revoked' && (event.tokens.bot ?? []).length === 0) return;
    const now = deps.clock();
    const graceDays = deps.purgeGraceDays ?? 30;
    if (context.isEnterpriseInstall && context.enterpriseId) {
      const org = await forgetOrg(deps.repos, { enterpriseId: context.enterpriseId, now, graceDays });
      const teams = org.workspaces.map((w) => w.teamId).join(', ') || 'none known';
      deps.logger.info(
        `${event.type}: org ${org.enterpriseId} removed its org-wide install (${org.tokensDeleted} installation(s) ` +
          `deleted); workspaces forgotten: ${teams}; ` +
          (graceDays === 0 ? 'data purged now' : `data purged after ${graceDays} day(s)`),
      );
      return;
    }
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    const outcome = await forgetTeam(deps.repos, {
      teamId,
      enterpriseId: context.enterpriseId ?? null,
      now,
      graceDays,
    });
    deps.logger.info(
      `${event.type}: workspace ${teamId} forgotten (${outcome.tokensDeleted} installation(s) deleted); ` +
        (outcome.purged ? 'data purged now' : `data purged after ${outcome.purgeAfter.toISOString()}`),
    );
  };
  app.event('app_uninstalled', forget);
  app.event('tokens_revoked', forget);
}
